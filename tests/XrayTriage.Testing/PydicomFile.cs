namespace XrayTriage.Testing;

/// <summary>
/// Builds a DICOM test file at test time with a pydicom script, so that a regression test carries the property it
/// needs (byte order, an odd VR, a functional group) without a third-party file in the repository. The script gets
/// the output path as <c>sys.argv[1]</c>; the caller deletes the file.
/// </summary>
public static class PydicomFile
{
    /// <summary>
    /// Python to put before a script: <c>new_dataset(sop_class_uid, transfer_syntax_uid)</c> returns a FileDataset
    /// with the File Meta Information and the identifying attributes filled in, <c>save(ds)</c> writes it to the
    /// output path in its transfer syntax's encoding (pydicom 2.3 API, Debian's python3-pydicom).
    /// </summary>
    public const string Preamble = """
        import struct, sys
        import pydicom
        from pydicom.dataset import Dataset, FileDataset, FileMetaDataset
        from pydicom.uid import generate_uid

        def new_dataset(sop_class, transfer_syntax):
            meta = FileMetaDataset()
            meta.MediaStorageSOPClassUID = sop_class
            meta.MediaStorageSOPInstanceUID = generate_uid()
            meta.TransferSyntaxUID = transfer_syntax
            meta.ImplementationClassUID = generate_uid()
            ds = FileDataset(sys.argv[1], Dataset(), file_meta=meta, preamble=b"\0" * 128)
            ds.is_little_endian = transfer_syntax != "1.2.840.10008.1.2.2"
            ds.is_implicit_VR = transfer_syntax == "1.2.840.10008.1.2"
            ds.SOPClassUID = sop_class
            ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
            ds.StudyInstanceUID = generate_uid()
            ds.SeriesInstanceUID = generate_uid()
            ds.PatientName = "Regression^Test"
            ds.PatientID = "REGRESSION"
            return ds

        def save(ds):
            ds.save_as(sys.argv[1], write_like_original=False)

        """;

    /// <summary>Runs <paramref name="script"/> and returns the path of the file it wrote.</summary>
    public static async Task<string> CreateAsync(string script, CancellationToken cancellationToken = default)
    {
        var path = Path.Combine(Path.GetTempPath(), $"xraytriage-pydicom-{Guid.NewGuid():N}.dcm");
        var result = await PeerTools.RunPythonAsync(script, [path], TimeSpan.FromMinutes(1), cancellationToken);
        result.EnsureSuccess("pydicom script");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"The pydicom script exited 0 but wrote no file.\nstdout:\n{result.StandardOutput}");
        }

        return path;
    }

    /// <summary>Runs a pydicom script over an existing file and returns what it printed (one line per fact).</summary>
    public static async Task<string> ReadAsync(string script, string path, CancellationToken cancellationToken = default)
    {
        var result = await PeerTools.RunPythonAsync(script, [path], TimeSpan.FromMinutes(1), cancellationToken);
        return result.EnsureSuccess("pydicom script").StandardOutput.Trim();
    }
}
