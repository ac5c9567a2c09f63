using System.Globalization;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Network;

/// <summary>Our <see cref="DicomScp"/> on 127.0.0.1 with a free port, writing Part 10 files into a temporary folder.</summary>
internal sealed class ScpFixture : IAsyncDisposable
{
    public const string AeTitle = "XRAYSCP";

    public static readonly string[] StorageSopClasses =
    [
        "1.2.840.10008.5.1.4.1.1.1", "1.2.840.10008.5.1.4.1.1.1.1", "1.2.840.10008.5.1.4.1.1.2", "1.2.840.10008.5.1.4.1.1.4",
        "1.2.840.10008.5.1.4.1.1.7", "1.2.840.10008.5.1.4.1.1.6.1", "1.2.840.10008.5.1.4.1.1.20",
    ];

    public static readonly string[] TransferSyntaxes =
    [
        "1.2.840.10008.1.2.1", "1.2.840.10008.1.2", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.57",
        "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81",
        "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
    ];

    private ScpFixture(DicomScp scp, string folder)
    {
        Scp = scp;
        Folder = folder;
    }

    public DicomScp Scp { get; }

    public string Folder { get; }

    public string Port => Scp.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Starts the SCP writing into <paramref name="folder"/> (created), or a new temporary folder.</summary>
    public static ScpFixture Start(Func<DicomScpOptions, DicomScpOptions>? configure = null, string? folder = null)
    {
        folder ??= Directory.CreateTempSubdirectory("xraytriage-scp-").FullName;
        var options = new DicomScpOptions
        {
            AeTitle = AeTitle,
            AcceptedSopClasses = new HashSet<string>(StorageSopClasses, StringComparer.Ordinal),
            TransferSyntaxes = TransferSyntaxes,
            ArtimTimeout = TimeSpan.FromSeconds(5),
            IdleTimeout = TimeSpan.FromSeconds(20),
        };
        var scp = new DicomScp(configure?.Invoke(options) ?? options, new Part10FileStoreHandler(folder));
        scp.Start();
        return new ScpFixture(scp, folder);
    }

    public string[] StoredFiles() => Directory.GetFiles(Folder, "*.dcm");

    public async ValueTask DisposeAsync()
    {
        await Scp.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
