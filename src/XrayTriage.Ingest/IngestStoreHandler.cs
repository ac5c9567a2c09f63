using System.Data.Common;
using System.Globalization;
using Microsoft.Extensions.Logging;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Persistence;

namespace XrayTriage.Ingest;

/// <summary>
/// One C-STORE (PS3.4 §B.2.3): UID and watermark checks → spool file written while the data set arrives → durable
/// (fsync, rename, directory fsync) → header → eligibility → database record → success. Success is answered only after
/// both the spool file and the database row are committed, so an acknowledged instance is never lost; every refusal,
/// and every transfer that does not complete, leaves neither behind.
/// </summary>
/// <remarks>
/// Statuses: free disk below the watermark or a full disk → A700 (Refused: Out of Resources); the database
/// unreachable or timing out → A700 too, because it is a resource of ours that is missing for a while and the
/// modality should send again later (PS3.4 Table B.2-1; a transient refusal, not an error in the data set);
/// a data set we cannot parse or identify, an invalid UID (PS3.5 §9.1) or a data set SOP Instance UID other than the
/// command's → C000 (Error: Cannot understand); Affected SOP Class UID not matching
/// the data set → A900; anything else (a non-transient database error, other I/O, an unexpected exception) → 0110
/// (Processing failure). Every refusal is logged and audited here; nothing is left for the SCP to turn into 0110.
/// </remarks>
internal sealed class IngestStoreHandler(
    InstanceSpool spool,
    TriageWorkStore store,
    IngestAudit audit,
    EligibilityOptions eligibility,
    SpoolCapacity capacity,
    IngestMetrics metrics,
    TimeProvider timeProvider,
    ILogger<IngestStoreHandler> logger,
    ITriageSignal? triageSignal = null) : IStreamingStoreHandler
{
    public async ValueTask<IStoreTarget> BeginAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var started = timeProvider.GetTimestamp();
        DimseStatus status;
        try
        {
            if (await RefuseBeforeDataAsync(request, cancellationToken) is { } refusal)
            {
                status = refusal;
            }
            else
            {
                try
                {
                    return new IngestStoreTarget(this, request, spool.Begin(request), logger);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    status = await SpoolFailedAsync(request, ex, cancellationToken);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            status = await FailedAsync(request, ex, cancellationToken);
        }

        metrics.StoreHandled(status, timeProvider.GetElapsedTime(started));
        return new DiscardingStoreTarget(status);
    }

    /// <summary>The same path for a data set that is already complete (the SCP streams; this serves callers that buffer).</summary>
    public ValueTask<DimseStatus> HandleAsync(StoreRequest request, Stream dataSet, CancellationToken cancellationToken)
        => IStreamingStoreHandler.HandleBufferedAsync(this, request, dataSet, cancellationToken);

    /// <summary>The data set is complete in <paramref name="writer"/> (or failed to be written, <paramref name="writeFailure"/>):
    /// make it durable, check it and record it. Measured from here, as the C-STORE handling time has always been.</summary>
    internal async Task<DimseStatus> CompleteAsync(
        StoreRequest request, SpoolWriter writer, Exception? writeFailure, CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        var status = DimseStatus.ProcessingFailure;
        try
        {
            status = writeFailure is null
                ? await RecordAsync(request, writer, cancellationToken)
                : await SpoolFailedAsync(request, writeFailure, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            status = await FailedAsync(request, ex, cancellationToken);
        }
        finally
        {
            metrics.StoreHandled(status, timeProvider.GetElapsedTime(started));
        }

        return status;
    }

    private async Task<DimseStatus?> RefuseBeforeDataAsync(StoreRequest request, CancellationToken cancellationToken)
    {
        var sopInstanceUid = request.Command.AffectedSopInstanceUid;
        var callingAe = request.Association.CallingAeTitle;
        var hash = InstanceHash.Of(sopInstanceUid);
        // PS3.5 §9.1 (digits, no empty component, no leading zero, at most 64): an invalid UID is refused before
        // anything is written, and the instance UID names the spool file.
        if (!DicomUid.IsValid(sopInstanceUid)
            || !DicomUid.IsValid(request.Command.AffectedSopClassUid)
            || !InstanceSpool.IsSafeUid(sopInstanceUid))
        {
            Log.Unreadable(
                logger, hash, callingAe, Hex(DimseStatus.CannotUnderstand), "the affected SOP class or instance UID is not a valid UID");
            await audit.RefusedAsync(
                request, DimseStatus.CannotUnderstand, "affected SOP class or instance UID is not a valid UID", cancellationToken);
            return DimseStatus.CannotUnderstand;
        }

        // Checked again per C-STORE: the association gate let this association in, but the disk can fill during it.
        var space = capacity.Measure();
        if (space.IsBelowWatermark)
        {
            Log.DiskBelowWatermark(logger, hash, callingAe, space.FreeBytes, space.MinFreeDiskBytes);
            await audit.RefusedAsync(request, DimseStatus.OutOfResources,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"spool disk has {space.FreeBytes} bytes free, below the watermark of {space.MinFreeDiskBytes}"),
                cancellationToken);
            return DimseStatus.OutOfResources;
        }

        return null;
    }

    private async Task<DimseStatus> SpoolFailedAsync(StoreRequest request, Exception exception, CancellationToken cancellationToken)
    {
        var status = StoreWriteFailure.StatusFor(exception);
        Log.SpoolFailed(
            logger,
            InstanceHash.Of(request.Command.AffectedSopInstanceUid),
            request.Association.CallingAeTitle,
            Hex(status),
            exception.GetType().Name);
        await audit.RefusedAsync(request, status, "the spool could not be written (" + exception.GetType().Name + ")", cancellationToken);
        return status;
    }

    /// <summary>An exception nothing else expected: logged (type only, no PHI), audited and answered 0110 here.</summary>
    private async Task<DimseStatus> FailedAsync(StoreRequest request, Exception exception, CancellationToken cancellationToken)
    {
        Log.StoreFailed(
            logger,
            InstanceHash.Of(request.Command.AffectedSopInstanceUid),
            request.Association.CallingAeTitle,
            Hex(DimseStatus.ProcessingFailure),
            exception.GetType().Name);
        await audit.RefusedAsync(
            request, DimseStatus.ProcessingFailure, "processing failed (" + exception.GetType().Name + ")", cancellationToken);
        return DimseStatus.ProcessingFailure;
    }

    private async Task<DimseStatus> RecordAsync(StoreRequest request, SpoolWriter writer, CancellationToken cancellationToken)
    {
        var callingAe = request.Association.CallingAeTitle;
        var hash = InstanceHash.Of(request.Command.AffectedSopInstanceUid);
        var receivedAt = timeProvider.GetUtcNow();
        SpooledFile spooled;
        try
        {
            spooled = await writer.CommitAsync(receivedAt, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return await SpoolFailedAsync(request, ex, cancellationToken);
        }

        var recorded = false;
        try
        {
            var (status, instance, reason, refusal) = Describe(request, spooled, receivedAt);
            if (instance is null)
            {
                Log.Unreadable(logger, hash, callingAe, Hex(status), refusal);
                await audit.RefusedAsync(request, status, refusal, cancellationToken);
                return status;
            }

            var result = await store.RecordReceivedAsync(instance, cancellationToken);
            recorded = true;
            if (result.Outcome == RecordReceivedOutcome.Duplicate)
            {
                if (!string.Equals(result.SpoolPath, spooled.Path, StringComparison.Ordinal))
                {
                    DeleteUnreferenced(spooled.Path, hash);
                }

                metrics.Duplicate();
                Log.Duplicate(logger, hash, callingAe, result.InstanceId);
                await audit.DuplicateAsync(request, result, cancellationToken);
                return DimseStatus.Success;
            }

            if (result.State == InstanceState.Received)
            {
                triageSignal?.Notify();
            }

            metrics.Received();
            if (instance.SkipReason is not null)
            {
                metrics.Skipped(reason.ToString());
            }

            Log.Recorded(logger, hash, callingAe, result.InstanceId, instance.Eligibility.ToString());
            await audit.ReceivedAsync(request, instance, cancellationToken);
            return DimseStatus.Success;
        }
        catch (Exception ex) when (!recorded && IsDatabaseFailure(ex, cancellationToken))
        {
            // Not acknowledged, so not kept: the modality sends it again. Should the commit have gone through after
            // all (the connection broke after COMMIT), the resend is a duplicate whose file takes this one's name,
            // which the row then refers to again.
            var status = IsTransient(ex) ? DimseStatus.OutOfResources : DimseStatus.ProcessingFailure;
            DeleteUnreferenced(spooled.Path, hash);
            Log.RecordFailed(logger, hash, callingAe, Describe(ex), Hex(status));
            await audit.RefusedAsync(request, status, "the database is unavailable (" + Describe(ex) + ")", cancellationToken);
            return status;
        }
        catch (Exception) when (!recorded)
        {
            // Answered 0110 by CompleteAsync (logged and audited there); the file is not kept without its row.
            DeleteUnreferenced(spooled.Path, hash);
            throw;
        }
    }

    /// <returns>The instance to record, or the refusal status and why (null instance; the spool file deleted).</returns>
    private (DimseStatus Status, ReceivedInstance? Instance, EligibilityReason Eligibility, string Refusal) Describe(
        StoreRequest request, SpooledFile spooled, DateTimeOffset receivedAt)
    {
        DicomDataset dataset;
        try
        {
            // From the path, so Pixel Data and other large values stay in the file (read lazily, never for the header).
            dataset = DicomFile.Open(spooled.Path).Dataset;
        }
        catch (Exception ex) when (ex is DicomParseException or FormatException or InvalidDataException or EndOfStreamException)
        {
            DeleteUnreferenced(spooled.Path, InstanceHash.Of(request.Command.AffectedSopInstanceUid));
            return (DimseStatus.CannotUnderstand, null, default, "the header cannot be read");
        }

        var sopClass = Text(dataset, DicomTags.SOPClassUID);
        if (sopClass is not null && !string.Equals(sopClass, request.Command.AffectedSopClassUid, StringComparison.Ordinal))
        {
            DeleteUnreferenced(spooled.Path, InstanceHash.Of(request.Command.AffectedSopInstanceUid));
            return (DimseStatus.DataSetDoesNotMatchSopClass, null, default, "the data set's SOP Class UID differs from the C-STORE's");
        }

        // The row is keyed by the command's UID and the spool file holds the data set: they must name one instance.
        var sopInstance = Text(dataset, DicomTags.SOPInstanceUID);
        if (sopInstance is not null && !string.Equals(sopInstance, request.Command.AffectedSopInstanceUid, StringComparison.Ordinal))
        {
            DeleteUnreferenced(spooled.Path, InstanceHash.Of(request.Command.AffectedSopInstanceUid));
            return (DimseStatus.CannotUnderstand, null, default, "the data set's SOP Instance UID differs from the C-STORE's");
        }

        var studyUid = Text(dataset, DicomTags.StudyInstanceUID);
        if (studyUid is null || !DicomUid.IsValid(studyUid))
        {
            DeleteUnreferenced(spooled.Path, InstanceHash.Of(request.Command.AffectedSopInstanceUid));
            return (DimseStatus.CannotUnderstand, null, default, "the data set lacks a valid Study Instance UID");
        }

        var decision = EligibilityRules.Evaluate(dataset, eligibility);
        var study = new StudyAttributes(
            Text(dataset, DicomTags.PatientName),
            Text(dataset, DicomTags.PatientID),
            Text(dataset, DicomTags.AccessionNumber),
            Date(dataset, DicomTags.StudyDate),
            Text(dataset, DicomTags.StudyDescription),
            Text(dataset, DicomTags.Modality),
            Text(dataset, DicomTags.BodyPartExamined));
        return (DimseStatus.Success, new ReceivedInstance(
            studyUid,
            Text(dataset, DicomTags.SeriesInstanceUID) ?? "",
            request.Command.AffectedSopInstanceUid,
            request.Command.AffectedSopClassUid,
            request.TransferSyntaxUid,
            request.Association.CallingAeTitle,
            receivedAt,
            spooled.Path,
            spooled.SizeBytes,
            spooled.Sha256,
            decision.IsEligible ? null : $"{decision.Reason}: {decision.Detail}",
            study), decision.Reason, "");
    }

    private void DeleteUnreferenced(string path, string hash)
    {
        if (!InstanceSpool.TryDelete(path))
        {
            Log.OrphanLeft(logger, hash);
        }
    }

    private static bool IsDatabaseFailure(Exception exception, CancellationToken cancellationToken)
        => exception is DbException or TimeoutException
            || (exception is InvalidOperationException && exception.InnerException is DbException or TimeoutException)
            || (exception is OperationCanceledException
                && !cancellationToken.IsCancellationRequested
                && exception.InnerException is TimeoutException);

    private static bool IsTransient(Exception exception) => exception switch
    {
        DbException db => db.IsTransient || db.InnerException is System.Net.Sockets.SocketException or TimeoutException or IOException,
        TimeoutException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };

    private static string Describe(Exception exception)
        => exception is DbException { SqlState: { } state } ? $"{exception.GetType().Name} SQLSTATE {state}" : exception.GetType().Name;

    private static string Hex(DimseStatus status) => status.ToString();

    private static string? Text(DicomDataset dataset, DicomTag tag)
        => dataset.TryGetString(tag, out var value) && value.Trim() is { Length: > 0 } trimmed ? trimmed : null;

    private static DateOnly? Date(DicomDataset dataset, DicomTag tag)
        => Text(dataset, tag) is { } text
            && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
}
