using System.Globalization;
using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary><c>xraytriage echo</c>, <c>send</c> and <c>receive</c> against real DCMTK and Orthanc peers.</summary>
public sealed class NetworkVerbTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static string[] Sent =>
    [
        Path.Combine(RepositoryPaths.DicomSamples, "other", "ct_small_mono2_s16_explicit-le_pydicom-CT_small.dcm"),
        Path.Combine(RepositoryPaths.DicomSamples, "other", "mr_small_mono2_s16_explicit-le_pydicom-MR_small.dcm"),
        Path.Combine(RepositoryPaths.DicomSamples, "chest", "dx_chest_mono2_u8_implicit_sc_nih-cxr14.dcm"),
        Path.Combine(RepositoryPaths.DicomSamples, "chest", "cr_chest_pa_mono2_u8_jpeg-baseline_sc_siim-acr.dcm"),
    ];

    [Fact]
    public async Task Receive_FedByStorescuAndDcmsend_WritesEqualFilesAndStopsOnSigterm()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("xraytriage-receive-").FullName;
        try
        {
            int exitCode;
            string log;
            await using (var receive = XrayTriageExecutable.Start(["receive", "--port", port, "--ae-title", "XRAYRCV", "--output", folder]))
            {
                await receive.WaitForOutputAsync(o => o.Contains("Listening as XRAYRCV", StringComparison.Ordinal), Timeout);
                var store = await PeerTools.RunAsync(
                    "storescu", ["-aet", "DCMTK", "-aec", "XRAYRCV", "127.0.0.1", port, .. Sent[..3]], Timeout);
                var send = await PeerTools.RunAsync(
                    "dcmsend", ["-aet", "DCMTK", "-aec", "XRAYRCV", "--decompress-never", "127.0.0.1", port, Sent[3]], Timeout);
                await receive.StopAsync(TimeSpan.FromSeconds(15));
                exitCode = receive.ExitCode;
                log = receive.Output;
                store.EnsureSuccess("storescu");
                send.EnsureSuccess("dcmsend");
            }

            Assert.Equal(0, exitCode);
            Assert.Contains("Stopped after storing 4 instances.", log, StringComparison.Ordinal);
            var received = Directory.GetFiles(folder);
            Assert.Equal(4, received.Length);
            foreach (var file in Sent)
            {
                var copy = Path.Combine(folder, await SopInstanceUidAsync(file) + ".dcm");
                Assert.Equal(await DumpDataSetAsync(file), await DumpDataSetAsync(copy));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Send_FolderToStorescp_ProgressAndAllStoredExitZero()
    {
        var portNumber = FreePort.Next();
        var port = portNumber.ToString(CultureInfo.InvariantCulture);
        var input = Directory.CreateTempSubdirectory("xraytriage-send-in-").FullName;
        var output = Directory.CreateTempSubdirectory("xraytriage-send-out-").FullName;
        try
        {
            foreach (var file in Sent)
            {
                File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
            }

            ProcessResult send;
            await using (var storescp = PeerTools.Start("storescp", ["--aetitle", "DCMTKSCP", "--output-directory", output, "+xa", port]))
            {
                await FreePort.WaitUntilListeningAsync(portNumber, Timeout);
                send = await XrayTriageExecutable.RunAsync(
                    ["send", "127.0.0.1", port, input, "--called-ae", "DCMTKSCP", "--progress-every", "2"],
                    timeout: Timeout);
            }

            send.EnsureSuccess("xraytriage send");
            Assert.Contains("Sent 2/4", send.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("Sent 4/4", send.StandardOutput, StringComparison.Ordinal);
            Assert.Contains("Stored 4 of 4 instances at DCMTKSCP@127.0.0.1:" + port, send.StandardOutput, StringComparison.Ordinal);
            Assert.Equal(4, Directory.GetFiles(output).Length);
        }
        finally
        {
            Directory.Delete(input, recursive: true);
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Send_OneInstanceRefused_ExitsOneNamingItsStatus()
    {
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("xraytriage-refused-").FullName;
        var bad = Path.Combine(folder, "bad-uid.dcm");
        try
        {
            File.Copy(Sent[1], bad);
            (await PeerTools.RunAsync("dcmodify", ["-nb", "-m", "(0008,0018)=1.2.3.X", bad], Timeout)).EnsureSuccess("dcmodify");
            ProcessResult send;
            await using (var receive = XrayTriageExecutable.Start(
                ["receive", "--port", port, "--ae-title", "XRAYRCV", "--output", Path.Combine(folder, "in")]))
            {
                await receive.WaitForOutputAsync(o => o.Contains("Listening as XRAYRCV", StringComparison.Ordinal), Timeout);
                send = await XrayTriageExecutable.RunAsync(
                    ["send", "127.0.0.1", port, Sent[0], bad, "--called-ae", "XRAYRCV"],
                    timeout: Timeout);
            }

            Assert.Equal(1, send.ExitCode);
            Assert.Contains($"{bad}: 0xC000", send.StandardError, StringComparison.Ordinal);
            Assert.Contains("Stored 1 of 2 instances", send.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Echo_ToOrthanc_SucceedsAndWrongCalledAeFailsWithTheReason()
    {
        await using var orthanc = await OrthancServer.StartAsync("TESTPACS");
        var port = orthanc.DicomPort.ToString(CultureInfo.InvariantCulture);

        var echo = await XrayTriageExecutable.RunAsync(
            ["echo", "127.0.0.1", port, "--called-ae", "TESTPACS", "--calling-ae", "XRAYSCU"],
            timeout: Timeout);
        var wrong = await XrayTriageExecutable.RunAsync(["echo", "127.0.0.1", port, "--called-ae", "NOTTHEPACS"], timeout: Timeout);

        echo.EnsureSuccess("xraytriage echo");
        Assert.Contains("C-ECHO to TESTPACS@127.0.0.1:" + port + " as XRAYSCU: 0x0000", echo.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("rejected-Permanent by ServiceUser: CalledAeTitleNotRecognized", wrong.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReceiveAndEchoWithMutualTls_StorescuTls_StoredAndEchoSucceeds()
    {
        using var certificates = TestCertificates.Create();
        var port = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var folder = Directory.CreateTempSubdirectory("xraytriage-receive-tls-").FullName;
        try
        {
            ProcessResult store;
            ProcessResult echo;
            ProcessResult plain;
            await using (var receive = XrayTriageExecutable.Start(
                ["receive", "--port", port, "--ae-title", "XRAYRCV", "--output", folder,
                 "--tls-cert", certificates.ServerCertificate, "--tls-key", certificates.ServerKey,
                 "--tls-ca", certificates.CaCertificate]))
            {
                await receive.WaitForOutputAsync(o => o.Contains("Listening as XRAYRCV", StringComparison.Ordinal), Timeout);
                store = await PeerTools.RunAsync(
                    "storescu",
                    [
                        "-aet", "DCMTK", "-aec", "XRAYRCV", "+tls", certificates.ClientKey, certificates.ClientCertificate,
                        "+cf", certificates.CaCertificate, "127.0.0.1", port, Sent[1],
                    ],
                    Timeout);
                echo = await XrayTriageExecutable.RunAsync(
                    [
                        "echo", "127.0.0.1", port, "--called-ae", "XRAYRCV", "--tls-cert", certificates.ClientCertificate,
                        "--tls-key", certificates.ClientKey, "--tls-ca", certificates.CaCertificate,
                    ],
                    timeout: Timeout);
                plain = await XrayTriageExecutable.RunAsync(["echo", "127.0.0.1", port, "--called-ae", "XRAYRCV"], timeout: Timeout);
                Assert.Contains("with mutual TLS", receive.Output, StringComparison.Ordinal);
            }

            store.EnsureSuccess("storescu +tls");
            echo.EnsureSuccess("xraytriage echo --tls");
            Assert.Equal(1, plain.ExitCode);
            Assert.Single(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> SopInstanceUidAsync(string path)
    {
        var line = (await PeerTools.RunAsync("dcmdump", ["-q", "+P", "0008,0018", path], Timeout)).EnsureSuccess("dcmdump").StandardOutput;
        var start = line.IndexOf('[', StringComparison.Ordinal) + 1;
        return line[start..line.IndexOf(']', start)];
    }

    /// <summary>The data set as dcmdump prints it in full, without File Meta Information, Data Set Trailing Padding
    /// (storescu drops it) and comments.</summary>
    private static async Task<string> DumpDataSetAsync(string path)
    {
        var dump = (await PeerTools.RunAsync("dcmdump", ["-q", "+L", path], Timeout)).EnsureSuccess("dcmdump").StandardOutput;
        return string.Join('\n', dump.Split('\n').Where(l => !l.StartsWith('#') && !l.StartsWith("(0002,", StringComparison.Ordinal)
            && !l.StartsWith("(fffc,fffc)", StringComparison.Ordinal)));
    }
}
