namespace XrayTriage.Host.Cli.Network;

/// <summary>The storage SOP classes <c>xraytriage receive</c> accepts (PS3.4 Annex B.5): projection radiography
/// first, then the other image, structured report and document classes a test PACS meets.</summary>
/// <remarks>XrayTriage.Dicom's UID registry is internal, so the list is written out here.</remarks>
internal static class StorageSopClasses
{
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        "1.2.840.10008.5.1.4.1.1.1", // CR
        "1.2.840.10008.5.1.4.1.1.1.1", // DX for presentation
        "1.2.840.10008.5.1.4.1.1.1.1.1", // DX for processing
        "1.2.840.10008.5.1.4.1.1.1.2", // MG for presentation
        "1.2.840.10008.5.1.4.1.1.1.2.1", // MG for processing
        "1.2.840.10008.5.1.4.1.1.1.3", // intra-oral for presentation
        "1.2.840.10008.5.1.4.1.1.1.3.1", // intra-oral for processing
        "1.2.840.10008.5.1.4.1.1.2", // CT
        "1.2.840.10008.5.1.4.1.1.2.1", // enhanced CT
        "1.2.840.10008.5.1.4.1.1.3.1", // US multi-frame
        "1.2.840.10008.5.1.4.1.1.4", // MR
        "1.2.840.10008.5.1.4.1.1.4.1", // enhanced MR
        "1.2.840.10008.5.1.4.1.1.6.1", // US
        "1.2.840.10008.5.1.4.1.1.7", // SC
        "1.2.840.10008.5.1.4.1.1.7.1", // multi-frame single bit SC
        "1.2.840.10008.5.1.4.1.1.7.2", // multi-frame grayscale byte SC
        "1.2.840.10008.5.1.4.1.1.7.3", // multi-frame grayscale word SC
        "1.2.840.10008.5.1.4.1.1.7.4", // multi-frame true color SC
        "1.2.840.10008.5.1.4.1.1.9.1.1", // 12-lead ECG
        "1.2.840.10008.5.1.4.1.1.11.1", // grayscale softcopy presentation state
        "1.2.840.10008.5.1.4.1.1.12.1", // XA
        "1.2.840.10008.5.1.4.1.1.12.2", // RF
        "1.2.840.10008.5.1.4.1.1.20", // NM
        "1.2.840.10008.5.1.4.1.1.66.4", // segmentation
        "1.2.840.10008.5.1.4.1.1.77.1.4", // VL photographic
        "1.2.840.10008.5.1.4.1.1.88.11", // basic text SR
        "1.2.840.10008.5.1.4.1.1.88.22", // enhanced SR
        "1.2.840.10008.5.1.4.1.1.88.33", // comprehensive SR
        "1.2.840.10008.5.1.4.1.1.88.34", // comprehensive 3D SR
        "1.2.840.10008.5.1.4.1.1.88.59", // key object selection
        "1.2.840.10008.5.1.4.1.1.104.1", // encapsulated PDF
        "1.2.840.10008.5.1.4.1.1.128", // PET
        "1.2.840.10008.5.1.4.1.1.481.1", // RT image
    };
}
