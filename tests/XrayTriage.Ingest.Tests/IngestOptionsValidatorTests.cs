using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using XrayTriage.Persistence;

namespace XrayTriage.Ingest.Tests;

public sealed class IngestOptionsValidatorTests
{
    private static readonly IngestOptionsValidator Validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        Assert.True(Validator.Validate(null, new IngestOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NamesEachKey()
    {
        var options = new IngestOptions
        {
            AeTitle = "",
            Port = 70000,
            BindAddress = "nowhere",
            SpoolPath = " ",
            MinFreeDiskBytes = -1,
            AllowedCallingAeTitles = ["TOO-LONG-AE-TITLE-X"],
            AllowedPeers = [new IngestAllowedPeer { AeTitle = "CT1", Address = "not-an-address" }],
            MaxAssociations = 0,
            MaxPduLength = 100,
            IdleTimeout = TimeSpan.Zero,
            Tls = new IngestTlsOptions { RequireClientCertificate = true },
        };

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        var message = result.FailureMessage;
        foreach (var key in new[]
        {
            "Dicom:AeTitle", "Dicom:Port", "Dicom:BindAddress", "Dicom:SpoolPath", "Dicom:MinFreeDiskBytes",
            "Dicom:AllowedCallingAeTitles:0", "Dicom:AllowedPeers:0:Address", "Dicom:MaxAssociations", "Dicom:MaxPduLength",
            "Dicom:IdleTimeout", "Dicom:Tls:CertificatePath",
        })
        {
            Assert.Contains(key, message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AddIngest_InvalidPort_StopsStartUpNamingTheKey()
    {
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = Path.GetTempPath() });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Triage"] = "Host=127.0.0.1;Port=1;Database=x;Username=x",
            ["Dicom:Port"] = "0",
        });
        builder.AddPersistence();
        builder.AddIngest();
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Dicom:Port", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_AllowListFromConfiguration_BecomesScpAllowList()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Dicom:AllowedCallingAeTitles:0"] = "CR1",
            ["Dicom:AllowedPeers:0:AeTitle"] = "DX1",
            ["Dicom:AllowedPeers:0:Address"] = "10.1.2.3",
            ["Dicom:MaxPduLength"] = "65536",
        }).Build();
        var options = configuration.GetSection(IngestOptions.SectionName).Get<IngestOptions>()!;

        var scp = DicomScpOptionsFactory.Create(options, new InstanceSpool(Path.Combine(Path.GetTempPath(), "unused-spool")));

        Assert.Equal(["CR1"], scp.AllowedCallingAeTitles!);
        var peer = Assert.Single(scp.AllowedCallingPeers!);
        Assert.Equal("DX1", peer.AeTitle);
        Assert.Equal("10.1.2.3", peer.Address!.ToString());
        Assert.Equal(65536u, scp.MaxPduLength);
        Assert.Equal("XRAYTRIAGE", scp.AeTitle);
        Assert.Equal(11112, scp.Port);
    }
}
