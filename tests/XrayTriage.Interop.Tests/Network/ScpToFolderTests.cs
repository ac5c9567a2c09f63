using System.Globalization;
using XrayTriage.Dicom;
using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Network;

/// <summary>The folder SCP (<c>xraytriage receive</c>'s <see cref="Dicom.Network.Services.Part10FileStoreHandler"/>)
/// writes each data set into its file while it arrives (issue 20: it buffered each instance first): byte-identical
/// files from DCMTK's storescu, and a disk that fills during an instance answers A700 and leaves nothing of it.</summary>
public sealed class ScpToFolderTests
{
    private const string CrImage = "1.2.840.10008.5.1.4.1.1.1";
    private const string ExplicitLittle = "1.2.840.10008.1.2.1";

    private const string Script = PydicomFile.Preamble + """
        import numpy as np
        rows = int(sys.argv[2])
        ds = new_dataset("1.2.840.10008.5.1.4.1.1.1", "1.2.840.10008.1.2.1")
        ds.Modality = "CR"
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = "MONOCHROME2"
        ds.Rows = rows
        ds.Columns = rows
        ds.BitsAllocated = 16
        ds.BitsStored = 12
        ds.HighBit = 11
        ds.PixelRepresentation = 0
        ds.PixelData = np.random.default_rng(rows).integers(0, 4096, (rows, rows), dtype=np.uint16).tobytes()
        save(ds)
        """;

    [Fact]
    public async Task Storescu_LargeInstance_FileHasTheSameDataSetAndNoTemporaryIsLeft()
    {
        var sent = await CreateAsync(2048); // 8 MiB of pixels
        try
        {
            await using var scp = ScpFixture.Start();
            var result = await PeerTools.RunAsync("storescu", ["-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port, sent]);
            result.EnsureSuccess("storescu");

            await DicomComparison.AssertSameInstancesAsync([sent], scp.StoredFiles());
            Assert.Equal(scp.StoredFiles(), Directory.GetFiles(scp.Folder));
        }
        finally
        {
            File.Delete(sent);
        }
    }

    [Fact]
    public async Task Storescu_DiskFillsDuringAnInstance_A700NothingLeftAndTheNextFileIsStored()
    {
        var large = await CreateAsync(2048);
        var small = await CreateAsync(256);
        try
        {
            await using var disk = await TmpfsMount.CreateAsync(8L << 20);
            await using var scp = ScpFixture.Start(folder: Path.Combine(disk.Path, "received"));

            // -nh: storescu goes on with the next file after a refused one; -v prints each response's status.
            var result = await PeerTools.RunAsync(
                "storescu", ["-v", "-nh", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port, large, small]);

            Assert.Contains(
                "Received Store Response (Refused: OutOfResources)",
                result.StandardOutput + result.StandardError,
                StringComparison.Ordinal);
            var stored = Assert.Single(scp.StoredFiles());
            Assert.Equal(await DicomComparison.SopInstanceUidAsync(small) + ".dcm", Path.GetFileName(stored));
            Assert.Equal([stored], Directory.GetFiles(scp.Folder));
            Assert.True(
                disk.FreeBytes > (6L << 20),
                string.Create(CultureInfo.InvariantCulture, $"{disk.FreeBytes} bytes free: the partial file was not deleted"));
        }
        finally
        {
            File.Delete(large);
            File.Delete(small);
        }
    }

    [Fact]
    public async Task Store_SenderStallsHalfway_TheFirstHalfIsAlreadyInTheFolderNotInMemory()
    {
        var sent = await CreateAsync(2048);
        try
        {
            await using var scp = ScpFixture.Start();
            var file = DicomFile.Open(sent);
            var dataSet = DicomDatasetWriter.ToArray(file.Dataset, TransferSyntax.ExplicitVRLittleEndian);
            var gated = new HalfwayGatedStream(dataSet, dataSet.Length / 2);
            var options = new DicomScuOptions
            {
                Host = "127.0.0.1", Port = scp.Scp.LocalEndPoint.Port, CallingAeTitle = "MODALITY", CalledAeTitle = ScpFixture.AeTitle,
            };
            await using var scu = await DicomScu.ConnectAsync(
                options, [new PresentationContextRequest(1, CrImage, [ExplicitLittle])], null, CancellationToken.None);
            var uid = file.Dataset.GetString(DicomTags.SOPInstanceUID);
            var store = scu.StoreAsync(CrImage, uid, ExplicitLittle, gated, CancellationToken.None);

            // Before: the SCP held the data set until it was complete, and only then did the handler write the file.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (!(Directory.GetFiles(scp.Folder, "*.partial") is [var partial] && new FileInfo(partial).Length >= dataSet.Length / 4))
            {
                Assert.True(DateTime.UtcNow < deadline, "no growing *.partial file while the sender was stalled halfway");
                await Task.Delay(20);
            }

            Assert.Empty(scp.StoredFiles());
            gated.Open();
            var response = await store;
            await scu.ReleaseAsync(CancellationToken.None);

            Assert.Equal(DimseStatus.Success, response.Status);
            await DicomComparison.AssertSameInstancesAsync([sent], scp.StoredFiles());
            Assert.Empty(Directory.GetFiles(scp.Folder, "*.partial"));
        }
        finally
        {
            File.Delete(sent);
        }
    }

    private static async Task<string> CreateAsync(int rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"xraytriage-folder-scp-{Guid.NewGuid():N}.dcm");
        var result = await PeerTools.RunPythonAsync(Script, [path, rows.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(1));
        result.EnsureSuccess("pydicom script");
        return path;
    }
}
