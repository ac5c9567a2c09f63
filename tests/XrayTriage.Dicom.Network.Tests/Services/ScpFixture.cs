using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.Services;

/// <summary>Starts our SCP on 127.0.0.1 with a free port and connects our SCU to it.</summary>
internal sealed class ScpFixture : IAsyncDisposable
{
    public const string CrImage = "1.2.840.10008.5.1.4.1.1.1";
    public const string ExplicitLittle = "1.2.840.10008.1.2.1";
    public const string ImplicitLittle = "1.2.840.10008.1.2";

    public ScpFixture(RecordingStoreHandler handler, Func<DicomScpOptions, DicomScpOptions>? configure = null)
        : this((IStoreHandler)handler, configure)
    {
        Handler = handler;
    }

    public ScpFixture(IStoreHandler handler, Func<DicomScpOptions, DicomScpOptions>? configure = null, ILogger? logger = null)
    {
        Handler = handler as RecordingStoreHandler ?? new RecordingStoreHandler(DimseStatus.Success);
        var options = new DicomScpOptions
        {
            AeTitle = "XRAYTRIAGE",
            AcceptedSopClasses = new HashSet<string> { CrImage },
            AllowedCallingAeTitles = new HashSet<string> { "MODALITY" },
            ArtimTimeout = TimeSpan.FromSeconds(2),
            Reassembly = new ReassemblyOptions { MemoryThreshold = 4096 },
        };
        Scp = new DicomScp(configure?.Invoke(options) ?? options, handler, logger: logger);
        Scp.AssociationEnded += (_, e) => Outcomes.Enqueue(e.Outcome);
        Scp.Start();
    }

    public DicomScp Scp { get; }

    public RecordingStoreHandler Handler { get; }

    public ConcurrentQueue<string?> Outcomes { get; } = new();

    public int Port => Scp.LocalEndPoint.Port;

    public DicomScuOptions ScuOptions(string calling = "MODALITY", string called = "XRAYTRIAGE") => new()
    {
        Host = "127.0.0.1",
        Port = Port,
        CallingAeTitle = calling,
        CalledAeTitle = called,
        ArtimTimeout = TimeSpan.FromSeconds(5),
        DimseTimeout = TimeSpan.FromSeconds(10),
        MaxPduLength = 16384,
    };

    public static IReadOnlyList<PresentationContextRequest> Contexts() =>
    [
        new(1, CEchoRequest.Verification, [ImplicitLittle]),
        new(3, CrImage, [ExplicitLittle]),
    ];

    public Task<DicomScu> ConnectAsync(DicomScuOptions? options = null) =>
        DicomScu.ConnectAsync(options ?? ScuOptions(), Contexts(), null, CancellationToken.None);

    /// <summary>Waits (bounded) until the SCP reports <paramref name="count"/> ended associations.</summary>
    public async Task WaitForEndedAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (Outcomes.Count < count)
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Scp.StopAsync(grace.Token);
        await Scp.DisposeAsync();
    }
}
