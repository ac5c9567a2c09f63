namespace XrayTriage.Reporting.Documents;

/// <summary>The SR storage SOP class to write: Comprehensive 3D SR as IHE AI Results asks, or a fallback for PACS that
/// do not accept it. The content tree uses only CONTAINER, CODE, TEXT, NUM, UIDREF and IMAGE, which all three allow.</summary>
public enum SrSopClass
{
    /// <summary>Comprehensive 3D SR, 1.2.840.10008.5.1.4.1.1.88.34 (PS3.3 A.35.13).</summary>
    Comprehensive3D,

    /// <summary>Comprehensive SR, 1.2.840.10008.5.1.4.1.1.88.33 (PS3.3 A.35.3).</summary>
    Comprehensive,

    /// <summary>Enhanced SR, 1.2.840.10008.5.1.4.1.1.88.22 (PS3.3 A.35.2).</summary>
    Enhanced,
}
