namespace XrayTriage.Host.Options;

/// <summary>The DICOM listener's identity. Section <c>Dicom</c> (env <c>Dicom__AeTitle</c>, <c>Dicom__Port</c>).</summary>
internal sealed class DicomOptions
{
    public const string SectionName = "Dicom";

    public string AeTitle { get; set; } = "XRAYTRIAGE";

    public int Port { get; set; } = 11112;
}
