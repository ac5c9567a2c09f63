using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Network;

/// <summary>DCMTK's SCUs (<c>echoscu</c>, <c>storescu</c>, <c>dcmsend</c>) against our
/// <see cref="XrayTriage.Dicom.Network.Services.DicomScp"/>.</summary>
public sealed class DcmtkToScpTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Echoscu_ToOurScp_Succeeds()
    {
        await using var scp = ScpFixture.Start();

        var echo = await PeerTools.RunAsync("echoscu", ["-v", "-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port], Timeout);

        echo.EnsureSuccess("echoscu");
        Assert.Contains("Received Echo Response (Success)", echo.StandardOutput + echo.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storescu_UncompressedSamples_StoredFilesEqualTheSentOnes()
    {
        await using var scp = ScpFixture.Start();
        var sent = Samples.Uncompressed;

        var store = await PeerTools.RunAsync(
            "storescu", ["-v", "-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port, .. sent], Timeout);

        var output = store.EnsureSuccess("storescu").StandardOutput + store.StandardError;
        Assert.Equal(sent.Length, CountOccurrences(output, "Received Store Response (Success)"));
        await DicomComparison.AssertSameInstancesAsync(sent, scp.StoredFiles());
    }

    [Fact]
    public async Task Dcmsend_CompressedSamples_StoredFilesEqualTheSentOnes()
    {
        await using var scp = ScpFixture.Start();
        var sent = Samples.Compressed;

        var send = await PeerTools.RunAsync(
            "dcmsend", ["-v", "-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "--decompress-never", "127.0.0.1", scp.Port, .. sent], Timeout);

        var output = send.EnsureSuccess("dcmsend").StandardOutput + send.StandardError;
        Assert.Contains($"with status SUCCESS  : {sent.Length}", output, StringComparison.Ordinal);
        await DicomComparison.AssertSameInstancesAsync(sent, scp.StoredFiles());
    }

    [Fact]
    public async Task Storescu_FiftyInstancesOverOneAssociation_AllStored()
    {
        await using var scp = ScpFixture.Start();
        var folder = Directory.CreateTempSubdirectory("xraytriage-fifty-").FullName;
        try
        {
            var sent = await Samples.DistinctCopiesAsync(folder, 50);

            var store = await PeerTools.RunAsync(
                "storescu", ["-v", "-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port, .. sent], Timeout);

            var output = store.EnsureSuccess("storescu").StandardOutput + store.StandardError;
            Assert.Equal(1, CountOccurrences(output, "Association Accepted"));
            Assert.Equal(50, CountOccurrences(output, "Received Store Response (Success)"));
            var stored = scp.StoredFiles();
            Assert.Equal(50, stored.Length);
            await DicomComparison.AssertSameInstancesAsync(sent[..2], await MatchingAsync(sent[..2], stored));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Storescu_FourConcurrentAssociations_AllStored()
    {
        await using var scp = ScpFixture.Start();
        var folder = Directory.CreateTempSubdirectory("xraytriage-four-").FullName;
        try
        {
            var files = await Samples.DistinctCopiesAsync(folder, 20);
            var batches = files.Chunk(5).ToArray();

            var results = await Task.WhenAll(batches.Select(batch =>
                PeerTools.RunAsync(
                    "storescu", ["-v", "-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port, .. batch], Timeout)));

            foreach (var result in results)
            {
                var output = result.EnsureSuccess("storescu").StandardOutput + result.StandardError;
                Assert.Equal(5, CountOccurrences(output, "Received Store Response (Success)"));
            }

            var storedUids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in scp.StoredFiles())
            {
                storedUids.Add(await DicomComparison.SopInstanceUidAsync(file));
            }

            var sentUids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var file in files)
            {
                sentUids.Add(await DicomComparison.SopInstanceUidAsync(file));
            }

            Assert.Equal(sentUids, storedUids);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string[]> MatchingAsync(string[] sent, string[] stored)
    {
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in sent)
        {
            wanted.Add(await DicomComparison.SopInstanceUidAsync(file));
        }

        return [.. stored.Where(f => wanted.Contains(Path.GetFileNameWithoutExtension(f)))];
    }

    private static int CountOccurrences(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal);
            index >= 0;
            index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
