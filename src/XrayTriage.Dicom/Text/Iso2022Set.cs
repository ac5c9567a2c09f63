namespace XrayTriage.Dicom.Text;

/// <summary>A graphic character set that an ISO 2022 escape sequence designates (PS3.3 Tables C.12-3 and C.12-4).</summary>
internal enum Iso2022Set
{
    None,
    Ascii,
    JisRomaji,
    JisKatakana,
    Jis0208,
    Jis0212,
    Ksx1001,
    Gb2312,
    Latin1,
    Latin2,
    Latin3,
    Latin4,
    Cyrillic,
    Arabic,
    Greek,
    Hebrew,
    Latin5,
    Latin9,
    Thai,
}
