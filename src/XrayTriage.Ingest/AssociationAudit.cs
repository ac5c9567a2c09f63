using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Auditing;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Ingest;

/// <summary>
/// Audits, counts and logs association outcomes of the ingest SCP: one audit row per association, written when it is
/// accepted or rejected — never per C-STORE (each instance has its own DICOM Instances Transferred row from
/// <see cref="IngestAudit"/>, which already carries the per-association counts).
/// </summary>
/// <remarks>
/// Written at acceptance rather than at the end with counts, so an association cut short by a crash or kill is still
/// on record. The SCP raises its events on the association's task before the first P-DATA is read; the rows go
/// through a bounded queue to one writer, so neither the A-ASSOCIATE-AC nor the first C-STORE waits for PostgreSQL,
/// and a flood of rejected requests cannot open a database connection each. Database down: each write gives up after
/// <see cref="IngestAudit.WriteTimeout"/> and is logged; a full queue drops the row with a log line; associations go on.
/// Vocabulary (PS3.15 A.5.3.11): (110113, DCM, "Security Alert") with event type (110126, DCM, "Node Authentication")
/// — the A-ASSOCIATE negotiation is where DICOM authenticates a node (AE titles, allowed address, TLS) and the
/// standard's note allows reporting successes too. Outcome Success (informative) when accepted; MinorFailure when
/// rejected ("mitigation effective": nothing was taken in), whatever the reason — the detail says which reason and
/// whether it was transient (spool disk, association limit). Actor the calling AE title, subject the called AE title,
/// detail the peer address and reason; no patient data exists at this stage. A peer that calls another AE title than
/// ours (accepted unless <see cref="IngestOptions.RequireCalledAeTitle"/>) gets an Information line naming it, so a
/// site can see which peers to correct before it turns the check on.
/// </remarks>
internal sealed class AssociationAudit(
    IOptions<IngestOptions> options, IAuditLog auditLog, IngestMetrics metrics, TimeProvider timeProvider, ILogger<AssociationAudit> logger)
{
    public const int QueueCapacity = 256;
    public const string AcceptedPrefix = "association accepted from ";
    public const string RejectedPrefix = "association rejected from ";

    private readonly Channel<AuditEntry> _queue = Channel.CreateBounded<AuditEntry>(
        new BoundedChannelOptions(QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private readonly string _aeTitle = options.Value.AeTitle;
    private Task? _writer;

    public void Attach(DicomScp scp)
    {
        ArgumentNullException.ThrowIfNull(scp);
        scp.AssociationAccepted += OnAccepted;
        scp.AssociationRejected += OnRejected;
        _writer ??= Task.Run(WriteAllAsync);
    }

    /// <summary>Writes what is queued (bounded by <paramref name="cancellationToken"/>) and stops the writer.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer.WaitAsync(cancellationToken);
        }
    }

    private void OnAccepted(object? sender, AssociationAcceptedEventArgs e)
    {
        var association = e.Association;
        metrics.AssociationAccepted();
        Log.AssociationAccepted(logger, association.CallingAeTitle, association.CalledAeTitle, e.AcceptedContexts);
        if (!Dicom.Network.UpperLayer.AeTitle.AreEqual(association.CalledAeTitle, _aeTitle))
        {
            Log.OtherCalledAeTitleAccepted(logger, association.CallingAeTitle, Peer(association), association.CalledAeTitle, _aeTitle);
        }

        Enqueue(new AuditEntry(
            AuditEventId.SecurityAlert,
            AuditEventType.NodeAuthentication,
            AuditOutcome.Success,
            association.CallingAeTitle,
            association.CalledAeTitle,
            $"{AcceptedPrefix}{Peer(association)}; {e.AcceptedContexts} presentation context(s) accepted"));
    }

    private void OnRejected(object? sender, AssociationRejectedEventArgs e)
    {
        var association = e.Association;
        metrics.AssociationRejected(e.ByGate ? IngestMetrics.SpoolDiskLowReason : ReasonName(e));
        Enqueue(new AuditEntry(
            AuditEventId.SecurityAlert,
            AuditEventType.NodeAuthentication,
            AuditOutcome.MinorFailure,
            association.CallingAeTitle,
            association.CalledAeTitle,
            $"{RejectedPrefix}{Peer(association)}: {e.Reason} ({e.Rejection.Describe()})"));
    }

    private void Enqueue(AuditEntry entry)
    {
        if (!_queue.Writer.TryWrite(entry))
        {
            Log.AssociationAuditDropped(logger, entry.Actor, QueueCapacity);
        }
    }

    private async Task WriteAllAsync()
    {
        await foreach (var entry in _queue.Reader.ReadAllAsync())
        {
            using var timeout = new CancellationTokenSource(IngestAudit.WriteTimeout, timeProvider);
            try
            {
                await auditLog.RecordAsync(entry, timeout.Token);
            }
#pragma warning disable CA1031 // An audit failure is logged; it must not end the writer, nor any association.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.AssociationAuditFailed(logger, entry.Actor, ex.GetType().Name);
            }
        }
    }

    private static string Peer(AssociationInfo association) => association.RemoteEndPoint?.ToString() ?? "an unknown address";

    private static string ReasonName(AssociationRejectedEventArgs e) => e.Rejection.Source switch
    {
        Dicom.Network.UpperLayer.AssociateRejectSource.ServiceUser
            => ((Dicom.Network.UpperLayer.ServiceUserRejectReason)e.Rejection.Reason).ToString(),
        Dicom.Network.UpperLayer.AssociateRejectSource.ServiceProviderAcse
            => ((Dicom.Network.UpperLayer.AcseRejectReason)e.Rejection.Reason).ToString(),
        Dicom.Network.UpperLayer.AssociateRejectSource.ServiceProviderPresentation
            => ((Dicom.Network.UpperLayer.PresentationRejectReason)e.Rejection.Reason).ToString(),
        _ => "Unknown",
    };
}
