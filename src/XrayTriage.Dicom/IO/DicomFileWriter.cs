namespace XrayTriage.Dicom.IO;

/// <summary>Writes Part 10 files: preamble, "DICM", File Meta Information in Explicit VR LE, then the data set.</summary>
/// <remarks>PS3.10 §7.1.</remarks>
internal static class DicomFileWriter
{
    public static void Write(DicomFile file, Stream stream, DicomWriterOptions options)
    {
        var syntax = options.TransferSyntax ?? file.TransferSyntax;
        if (syntax.IsUnknown && !file.TransferSyntax.Uid.Equals(syntax.Uid))
        {
            throw new InvalidOperationException($"Cannot write unknown transfer syntax {syntax.Uid}.");
        }

        if (!syntax.IsEncapsulated && file.Dataset.Contains(new DicomTag(0x7FE0, 0x0010))
            && file.Dataset.GetItem(new DicomTag(0x7FE0, 0x0010)) is DicomFragmentSequence)
        {
            throw new InvalidOperationException(
                $"The pixel data is encapsulated ({file.TransferSyntax.Name}); " +
                $"it cannot be written as {syntax.Name} without decompression.");
        }

        var meta = BuildMeta(file, syntax, options);
        var preamble = file.Preamble is { Length: 128 } p ? p : new byte[128];
        stream.Write(preamble);
        stream.Write("DICM"u8);
        DicomDatasetWriter.Write(meta, stream, TransferSyntax.ExplicitVRLittleEndian);
        DicomDatasetWriter.Write(file.Dataset, stream, syntax, item => item.Tag.Group != 0x0002);
    }

    internal static DicomDataset BuildMeta(DicomFile file, TransferSyntax syntax, DicomWriterOptions options)
    {
        var meta = new DicomDataset();
        foreach (var item in file.FileMetaInformation)
        {
            if (item.Tag.Group == 0x0002 && item.Tag.Element > 0x0013)
            {
                meta.AddOrUpdate(item);
            }
        }

        meta.AddOrUpdate(DicomTags.FileMetaInformationGroupLength, 0u);
        meta.AddOrUpdate(DicomTags.FileMetaInformationVersion, DicomVR.OB, new byte[] { 0, 1 });
        CopyUid(file, meta, DicomTags.SOPClassUID, DicomTags.MediaStorageSOPClassUID);
        CopyUid(file, meta, DicomTags.SOPInstanceUID, DicomTags.MediaStorageSOPInstanceUID);
        meta.AddOrUpdate(DicomTags.TransferSyntaxUID, DicomVR.UI, syntax.Uid.Value);
        meta.AddOrUpdate(DicomTags.ImplementationClassUID, DicomVR.UI, options.ImplementationClassUid);
        meta.AddOrUpdate(DicomTags.ImplementationVersionName, DicomVR.SH, options.ImplementationVersionName);
        return meta;
    }

    private static void CopyUid(DicomFile file, DicomDataset meta, DicomTag datasetTag, DicomTag metaTag)
    {
        if (file.Dataset.TryGetString(datasetTag, out var uid) && uid.Length > 0)
        {
            meta.AddOrUpdate(metaTag, DicomVR.UI, uid);
        }
        else if (file.FileMetaInformation.TryGetItem(metaTag, out var existing))
        {
            meta.AddOrUpdate(existing);
        }
    }
}
