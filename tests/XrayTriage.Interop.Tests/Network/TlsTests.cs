using System.Globalization;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Network;

/// <summary>DICOM TLS (PS3.15 B.12) both directions with DCMTK's <c>storescu</c>/<c>storescp</c> <c>+tls</c>, using
/// certificates generated here: mutual TLS, and a client certificate from an unknown CA refused.</summary>
public sealed class TlsTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task StorescuTls_ToOurScpRequiringClientCertificates_StoredAndEqual()
    {
        using var certificates = TestCertificates.Create();
        await using var scp = ScpFixture.Start(o => WithTls(o, certificates));

        var store = await PeerTools.RunAsync(
            "storescu",
            ["-aet", "DCMTK", "-aec", ScpFixture.AeTitle,
             "+tls", certificates.ClientKey, certificates.ClientCertificate, "+cf", certificates.CaCertificate,
             "127.0.0.1", scp.Port, Samples.Small],
            Timeout);

        store.EnsureSuccess("storescu +tls");
        await DicomComparison.AssertSameInstancesAsync([Samples.Small], scp.StoredFiles());
    }

    [Fact]
    public async Task StorescuTls_ClientCertificateFromUnknownCa_RefusedAndNothingStored()
    {
        using var certificates = TestCertificates.Create();
        var ended = new List<string?>();
        await using var scp = ScpFixture.Start(o => WithTls(o, certificates));
        scp.Scp.AssociationEnded += (_, e) => { lock (ended) { ended.Add(e.Outcome); } };

        var rogue = await PeerTools.RunAsync(
            "storescu",
            ["-aet", "DCMTK", "-aec", ScpFixture.AeTitle,
             "+tls", certificates.RogueClientKey, certificates.RogueClientCertificate, "+cf", certificates.CaCertificate,
             "127.0.0.1", scp.Port, Samples.Small],
            Timeout);
        var anonymous = await PeerTools.RunAsync(
            "storescu",
            ["-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "+tla", "+cf", certificates.CaCertificate, "127.0.0.1", scp.Port, Samples.Small],
            Timeout);
        var plain = await PeerTools.RunAsync("echoscu", ["-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port], Timeout);

        Assert.False(rogue.Succeeded, rogue.StandardOutput + rogue.StandardError);
        Assert.False(anonymous.Succeeded, anonymous.StandardOutput + anonymous.StandardError);
        Assert.False(plain.Succeeded, plain.StandardOutput + plain.StandardError);
        Assert.Empty(Directory.GetFiles(scp.Folder));
        lock (ended)
        {
            Assert.Contains(ended, o => o is not null && o.Contains("TLS handshake", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ScpTls_StalledHandshakes_DoNotBlockALegitimatePeerAndAreCutAtTheTimeout()
    {
        using var certificates = TestCertificates.Create();
        await using var scp = ScpFixture.Start(o => WithTls(o, certificates));
        var stalled = new List<System.Net.Sockets.TcpClient>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var client = new System.Net.Sockets.TcpClient();
                stalled.Add(client);
                await client.ConnectAsync(System.Net.IPAddress.Loopback, scp.Scp.LocalEndPoint.Port);
            }

            var started = TimeProvider.System.GetTimestamp();
            var store = await PeerTools.RunAsync(
                "storescu",
                ["-aet", "DCMTK", "-aec", ScpFixture.AeTitle,
                 "+tls", certificates.ClientKey, certificates.ClientCertificate, "+cf", certificates.CaCertificate,
                 "127.0.0.1", scp.Port, Samples.Small],
                Timeout);
            var storeTook = TimeProvider.System.GetElapsedTime(started);
            var closed = await Task.WhenAll(stalled.Select(ClosedByServerAsync));

            store.EnsureSuccess("storescu +tls beside stalled handshakes");
            Assert.True(storeTook < TimeSpan.FromSeconds(5), $"storescu took {storeTook} while handshakes stalled.");
            Assert.All(closed, Assert.True);
        }
        finally
        {
            stalled.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task DicomScuTls_ToStorescpTlsWithMutualAuthentication_Stored()
    {
        using var certificates = TestCertificates.Create();
        var portNumber = FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("xraytriage-storescp-tls-").FullName;
        try
        {
            Dicom.Network.Dimse.DimseStatus status;
            await using (var storescp = PeerTools.Start(
                "storescp",
                ["--aetitle", "DCMTKSCP", "--output-directory", folder, "+tls", certificates.ServerKey, certificates.ServerCertificate,
                 "+cf", certificates.CaCertificate, "-rc", portNumber.ToString(CultureInfo.InvariantCulture)]))
            {
                await FreePort.WaitUntilListeningAsync(portNumber, Timeout);
                status = await StoreAsync(portNumber, ClientTls(certificates, certificates.ClientCertificate, certificates.ClientKey));
            }

            Assert.True(status.IsSuccess, status.ToString());
            await DicomComparison.AssertSameInstancesAsync([Samples.Small], Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task DicomScuTls_ServerCertificateFromUnknownCa_FailsPermanently()
    {
        using var certificates = TestCertificates.Create();
        using var others = TestCertificates.Create();
        var portNumber = FreePort.Next();
        var folder = Directory.CreateTempSubdirectory("xraytriage-storescp-tls-").FullName;
        try
        {
            DicomNetworkException failure;
            await using (var storescp = PeerTools.Start(
                "storescp",
                ["--aetitle", "DCMTKSCP", "--output-directory", folder, "+tls", others.ServerKey, others.ServerCertificate,
                 "-ic", portNumber.ToString(CultureInfo.InvariantCulture)]))
            {
                await FreePort.WaitUntilListeningAsync(portNumber, Timeout);
                failure = await Assert.ThrowsAsync<DicomNetworkException>(
                    () => StoreAsync(portNumber, ClientTls(certificates, null, null)));
            }

            Assert.False(failure.IsTransient);
            Assert.Contains("TLS handshake", failure.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFiles(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Whether the server closed (or reset) the connection within 15 s.</summary>
    private static async Task<bool> ClosedByServerAsync(System.Net.Sockets.TcpClient client)
    {
        try
        {
            return await client.GetStream().ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(15)) == 0;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static DicomScpOptions WithTls(DicomScpOptions options, TestCertificates certificates) => new()
    {
        AeTitle = options.AeTitle,
        AcceptedSopClasses = options.AcceptedSopClasses,
        TransferSyntaxes = options.TransferSyntaxes,
        Tls = new DicomTlsOptions
        {
            Certificate = DicomTlsOptions.LoadCertificate(certificates.ServerCertificate, certificates.ServerKey),
            TrustedCertificates = DicomTlsOptions.LoadTrustedCertificates(certificates.CaCertificate),
            RequireClientCertificate = true,
            HandshakeTimeout = TimeSpan.FromSeconds(5),
        },
    };

    private static DicomTlsOptions ClientTls(TestCertificates certificates, string? certificate, string? key) => new()
    {
        Certificate = certificate is null ? null : DicomTlsOptions.LoadCertificate(certificate, key),
        TrustedCertificates = DicomTlsOptions.LoadTrustedCertificates(certificates.CaCertificate),
        HandshakeTimeout = TimeSpan.FromSeconds(5),
    };

    private static async Task<Dicom.Network.Dimse.DimseStatus> StoreAsync(int port, DicomTlsOptions tls)
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var file = DicomFile.Open(Samples.Small);
        var options = new DicomScuOptions
        {
            Host = "127.0.0.1", Port = port, CallingAeTitle = "XRAYSCU", CalledAeTitle = "DCMTKSCP", Tls = tls
        };
        await using var scu = await DicomScu.ConnectAsync(options, DicomScu.ProposeContexts([file]), null, cancellation.Token);
        var response = await scu.StoreAsync(file, cancellation.Token);
        await scu.ReleaseAsync(cancellation.Token);
        return response.Status;
    }
}
