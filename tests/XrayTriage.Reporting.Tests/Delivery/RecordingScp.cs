using System.Collections.Concurrent;
using XrayTriage.Dicom;
using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Reporting.Tests.Delivery;

/// <summary>A PACS stand-in built on our own SCP (a real association on loopback): it records what it stored and
/// answers with the status a test scripts, e.g. A700 twice and then success.</summary>
internal sealed class RecordingScp : IStoreHandler, IAsyncDisposable
{
    public const string AeTitle = "TESTPACS";
    private const string SecondaryCapture = "1.2.840.10008.5.1.4.1.1.7";

    private readonly DicomScp _scp;
    private readonly ConcurrentQueue<DimseStatus> _script = new();

    private RecordingScp(bool acceptSecondaryCapture)
    {
        HashSet<string> classes = ["1.2.840.10008.5.1.4.1.1.88.34", "1.2.840.10008.5.1.4.1.1.88.33", "1.2.840.10008.5.1.4.1.1.88.22"];
        if (acceptSecondaryCapture)
        {
            classes.Add(SecondaryCapture);
        }

        _scp = new DicomScp(new DicomScpOptions { AeTitle = AeTitle, Port = 0, AcceptedSopClasses = classes }, this);
        _scp.Start();
    }

    public int Port => _scp.LocalEndPoint.Port;

    /// <summary>Every instance answered with success, parsed, in order.</summary>
    public ConcurrentQueue<(string SopInstance, DicomDataset Dataset)> Received { get; } = new();

    /// <summary>(SOP Class UID, SOP Instance UID) of every instance answered with success, in order.</summary>
    public ConcurrentQueue<(string SopClass, string SopInstance)> Stored { get; } = new();

    public int Attempts => _attempts;

    private int _attempts;

    public static RecordingScp Start(bool acceptSecondaryCapture = true) => new(acceptSecondaryCapture);

    /// <summary>The next C-STOREs are answered with these statuses, then success again.</summary>
    public void Answer(params DimseStatus[] statuses)
    {
        foreach (var status in statuses)
        {
            _script.Enqueue(status);
        }
    }

    public async ValueTask<DimseStatus> HandleAsync(StoreRequest request, Stream dataSet, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _attempts);
        using var buffer = new MemoryStream();
        await dataSet.CopyToAsync(buffer, cancellationToken);
        if (_script.TryDequeue(out var scripted))
        {
            return scripted;
        }

        buffer.Position = 0;
        Received.Enqueue((
            request.Command.AffectedSopInstanceUid,
            DicomReader.ReadDataset(buffer, TransferSyntax.Lookup(request.TransferSyntaxUid))));
        Stored.Enqueue((request.Command.AffectedSopClassUid, request.Command.AffectedSopInstanceUid));
        return DimseStatus.Success;
    }

    public ValueTask DisposeAsync() => _scp.DisposeAsync();
}
