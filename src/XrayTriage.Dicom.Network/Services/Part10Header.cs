using XrayTriage.Dicom.IO;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>The PS3.10 preamble, "DICM" prefix and File Meta Information (Explicit VR Little Endian) for an instance
/// received by C-STORE; the received data set follows it unchanged to make a Part 10 file.</summary>
public static class Part10Header
{
    /// <summary>Preamble + prefix + group 0002 from the request's SOP Class/Instance UIDs, the negotiated transfer
    /// syntax, our implementation identity and the calling AE title as Source Application Entity Title.</summary>
    /// <param name="request">The C-STORE request being stored.</param>
    /// <returns>The bytes to write before the data set.</returns>
    public static byte[] For(StoreRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var meta = new DicomDataset()
            .AddOrUpdate(DicomTags.FileMetaInformationGroupLength, 0u)
            .AddOrUpdate(DicomTags.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0, 1 })
            .AddOrUpdate(DicomTags.MediaStorageSOPClassUID, DicomVR.UI, request.Command.AffectedSopClassUid)
            .AddOrUpdate(DicomTags.MediaStorageSOPInstanceUID, DicomVR.UI, request.Command.AffectedSopInstanceUid)
            .AddOrUpdate(DicomTags.TransferSyntaxUID, DicomVR.UI, request.TransferSyntaxUid)
            .AddOrUpdate(DicomTags.ImplementationClassUID, DicomVR.UI, NetworkIdentity.ImplementationClassUid)
            .AddOrUpdate(DicomTags.ImplementationVersionName, DicomVR.SH, NetworkIdentity.ImplementationVersionName)
            .AddOrUpdate(DicomTags.SourceApplicationEntityTitle, DicomVR.AE, request.Association.CallingAeTitle);
        using var header = new MemoryStream();
        header.Write(new byte[128]);
        header.Write("DICM"u8);
        DicomDatasetWriter.Write(meta, header, TransferSyntax.ExplicitVRLittleEndian);
        return header.ToArray();
    }
}
