using System.Globalization;
using System.Net.Http.Json;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Network;

/// <summary>Our <see cref="DicomScu"/> sending to DCMTK's <c>storescp</c> and to Orthanc, and Orthanc pushing to our SCP.</summary>
public sealed class ScuToPeersTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string[] AllSamples => [.. Samples.Uncompressed, .. Samples.Compressed];

    [Fact]
    public async Task DicomScu_ToStorescp_AllSucceedAndFilesEqualTheSentOnes()
    {
        var portNumber = FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("xraytriage-storescp-").FullName;
        try
        {
            IReadOnlyList<DimseStatusOf> statuses;
            await using (var storescp = PeerTools.Start(
                "storescp",
                ["--aetitle", "DCMTKSCP", "--output-directory", folder, "+xa", "-v", portNumber.ToString(CultureInfo.InvariantCulture)]))
            {
                await FreePort.WaitUntilListeningAsync(portNumber, Timeout);
                statuses = await SendAsync("DCMTKSCP", portNumber, AllSamples);
            }

            Assert.All(statuses, s => Assert.True(s.Status.IsSuccess, $"{s.File}: {s.Status}"));
            await DicomComparison.AssertSameInstancesAsync(AllSamples, Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task DicomScu_ToOrthanc_InstancesListedOverRestAndEqual()
    {
        await using var orthanc = await OrthancServer.StartAsync("TESTPACS");

        var statuses = await SendAsync("TESTPACS", orthanc.DicomPort, AllSamples);

        Assert.All(statuses, s => Assert.True(s.Status.IsSuccess, $"{s.File}: {s.Status}"));
        var expected = new List<string>();
        foreach (var file in AllSamples)
        {
            expected.Add(await DicomComparison.SopInstanceUidAsync(file));
        }

        var held = await orthanc.GetSopInstanceUidsAsync();
        Assert.Equal(expected.Order(StringComparer.Ordinal), held.Order(StringComparer.Ordinal));
        var folder = Directory.CreateTempSubdirectory("xraytriage-orthanc-files-").FullName;
        try
        {
            var ids = await orthanc.Http.GetFromJsonAsync<List<string>>("/instances") ?? [];
            var downloaded = new List<string>();
            foreach (var id in ids)
            {
                var path = Path.Combine(folder, id + ".dcm");
                await File.WriteAllBytesAsync(
                    path, await orthanc.Http.GetByteArrayAsync(new Uri($"/instances/{id}/file", UriKind.Relative)));
                downloaded.Add(path);
            }

            await DicomComparison.AssertSameInstancesAsync(AllSamples, downloaded);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Orthanc_RestStoreToOurScp_InstancesStoredAndEqual()
    {
        await using var scp = ScpFixture.Start();
        await using var orthanc = await OrthancServer.StartAsync(
            "TESTPACS", new Dictionary<string, (string, int)> { ["xray"] = (ScpFixture.AeTitle, scp.Scp.LocalEndPoint.Port) });
        var sent = Samples.Compressed[..3].Concat(Samples.Uncompressed[..2]).ToArray();
        var upload = await PeerTools.RunAsync(
            "storescu",
            ["-aet", "LOADER", "-aec", "TESTPACS", "127.0.0.1", orthanc.DicomPort.ToString(CultureInfo.InvariantCulture),
             .. Samples.Uncompressed[..2]],
            Timeout);
        upload.EnsureSuccess("storescu to Orthanc");
        var compressed = await PeerTools.RunAsync(
            "dcmsend",
            ["-aet", "LOADER", "-aec", "TESTPACS", "--decompress-never",
             "127.0.0.1", orthanc.DicomPort.ToString(CultureInfo.InvariantCulture), .. Samples.Compressed[..3]],
            Timeout);
        compressed.EnsureSuccess("dcmsend to Orthanc");
        var ids = await orthanc.Http.GetFromJsonAsync<List<string>>("/instances") ?? [];

        using var response = await orthanc.Http.PostAsJsonAsync(new Uri("/modalities/xray/store", UriKind.Relative), ids);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Orthanc answered {(int)response.StatusCode}: {body}\n{orthanc.Output}");
        await DicomComparison.AssertSameInstancesAsync(sent, scp.StoredFiles());
    }

    private static async Task<IReadOnlyList<DimseStatusOf>> SendAsync(string calledAe, int port, string[] paths)
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var files = paths.Select(p => DicomFile.Open(p)).ToList();
        var options = new DicomScuOptions { Host = "127.0.0.1", Port = port, CallingAeTitle = "XRAYSCU", CalledAeTitle = calledAe };
        await using var scu = await DicomScu.ConnectAsync(options, DicomScu.ProposeContexts(files), null, cancellation.Token);
        var statuses = new List<DimseStatusOf>();
        for (var i = 0; i < files.Count; i++)
        {
            var response = await scu.StoreAsync(files[i], cancellation.Token);
            statuses.Add(new DimseStatusOf(paths[i], response.Status));
        }

        await scu.ReleaseAsync(cancellation.Token);
        return statuses;
    }

    private sealed record DimseStatusOf(string File, Dicom.Network.Dimse.DimseStatus Status);
}
