using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>DIMSE message handling of an SCP association (DT-2: P-DATA indication).</summary>
internal sealed partial class ScpAssociation
{
    private DimseCommand? _pendingCommand;

    /// <summary>Where the pending C-STORE's data set goes while it arrives, when the handler streams
    /// (<see cref="IStreamingStoreHandler"/>).</summary>
    private IStoreTarget? _target;

    private async Task ReceiveDataAsync(PDataTfPdu pdu, CancellationToken cancellationToken)
    {
        foreach (var value in pdu.Values)
        {
            if (!_accepted.ContainsKey(value.PresentationContextId))
            {
                throw new DicomNetworkException(
                    $"PDV on presentation context {value.PresentationContextId}, which was not accepted.",
                    isTransient: false,
                    AbortReason.InvalidPduParameterValue);
            }

            if (value.IsCommand == _pendingCommand is not null)
            {
                throw new DicomNetworkException(
                    value.IsCommand
                        ? "A new command arrived before the data set of the previous one."
                        : "A data set arrived for a command that has none.",
                    isTransient: false,
                    AbortReason.UnexpectedPduParameter);
            }

            var status = await _reassembler.AppendAsync(value, cancellationToken);
            if (!value.IsCommand && _target is not null)
            {
                await WriteToTargetAsync(value.Data, cancellationToken);
            }

            if (status == ReassemblyStatus.CommandComplete)
            {
                var command = DimseCommandCodec.Decode(_reassembler.Command);
                if (!command.HasDataSet)
                {
                    await DispatchAsync(_reassembler.PresentationContextId, command, null, cancellationToken);
                    continue;
                }

                _pendingCommand = command;
                if (command is CStoreRequest store && _handler is IStreamingStoreHandler streaming)
                {
                    _target = await BeginStoreAsync(streaming, _reassembler.PresentationContextId, store, cancellationToken);
                    _reassembler.PassDataSetThrough();
                }
            }
            else if (status == ReassemblyStatus.DataSetComplete)
            {
                var command = _pendingCommand!;
                _pendingCommand = null;
                if (_target is not null)
                {
                    var store = (CStoreRequest)command;
                    var answer = await CompleteStoreAsync(store, cancellationToken);
                    await _channel.SendMessageAsync(
                        _reassembler.PresentationContextId, CStoreResponse.For(store, answer), null, cancellationToken);
                    continue;
                }

                await using var dataSet = _reassembler.TakeDataSet();
                await DispatchAsync(_reassembler.PresentationContextId, command, dataSet, cancellationToken);
            }
        }
    }

    private async Task DispatchAsync(byte contextId, DimseCommand command, Stream? dataSet, CancellationToken cancellationToken)
    {
        DimseCommand response = command switch
        {
            CEchoRequest echo => new CEchoResponse(echo.MessageId, DimseStatus.Success, echo.AffectedSopClassUid),
            CStoreRequest store => CStoreResponse.For(store, await StoreAsync(contextId, store, dataSet!, cancellationToken)),
            _ => throw new DicomNetworkException(
                $"DIMSE command 0x{(ushort)command.CommandField:X4} is not supported by this SCP.",
                isTransient: false,
                AbortReason.UnrecognizedPduParameter),
        };
        await _channel.SendMessageAsync(contextId, response, null, cancellationToken);
    }

    private async Task<DimseStatus> StoreAsync(byte contextId, CStoreRequest store, Stream dataSet, CancellationToken cancellationToken)
    {
        if (!string.Equals(_abstractSyntaxes[contextId], store.AffectedSopClassUid, StringComparison.Ordinal))
        {
            return DimseStatus.SopClassNotSupported;
        }

        try
        {
            return await _handler.HandleAsync(
                new StoreRequest(store, _accepted[contextId].TransferSyntax, _info!), dataSet, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // No exception crosses an association (STYLE.md, Errors): logged, then answered with 0110.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HandlerFailed(store, "store", ex);
            return DimseStatus.ProcessingFailure;
        }
    }

    private async Task<IStoreTarget> BeginStoreAsync(
        IStreamingStoreHandler handler, byte contextId, CStoreRequest store, CancellationToken cancellationToken)
    {
        if (!string.Equals(_abstractSyntaxes[contextId], store.AffectedSopClassUid, StringComparison.Ordinal))
        {
            return new DiscardingStoreTarget(DimseStatus.SopClassNotSupported);
        }

        try
        {
            return await handler.BeginAsync(new StoreRequest(store, _accepted[contextId].TransferSyntax, _info!), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // As in StoreAsync: logged, the data set dropped, answered with 0110.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HandlerFailed(store, "begin", ex);
            return new DiscardingStoreTarget(DimseStatus.ProcessingFailure);
        }
    }

    private async Task WriteToTargetAsync(ReadOnlyMemory<byte> fragment, CancellationToken cancellationToken)
    {
        try
        {
            await _target!.WriteAsync(fragment, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // As in StoreAsync: logged, the rest of the data set dropped, answered with 0110.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HandlerFailed((CStoreRequest)_pendingCommand!, "write", ex);
            await DisposeTargetAsync();
            _target = new DiscardingStoreTarget(DimseStatus.ProcessingFailure);
        }
    }

    private async Task<DimseStatus> CompleteStoreAsync(CStoreRequest store, CancellationToken cancellationToken)
    {
        try
        {
            return await _target!.CompleteAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // As in StoreAsync: logged, answered with 0110.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            HandlerFailed(store, "complete", ex);
            return DimseStatus.ProcessingFailure;
        }
        finally
        {
            await DisposeTargetAsync();
        }
    }

    /// <summary>Disposes the streaming target; one left when the association ends mid-data set is told so by not having
    /// completed.</summary>
    private async ValueTask DisposeTargetAsync()
    {
        if (Interlocked.Exchange(ref _target, null) is not { } target)
        {
            return;
        }

        try
        {
            await target.DisposeAsync();
        }
#pragma warning disable CA1031 // The handler's clean-up failing must not end the association nor the server.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.StoreHandlerFailed(_logger, _info?.CallingAeTitle ?? "", 0, "", "dispose", ex.GetType().Name);
        }
    }

    private void HandlerFailed(CStoreRequest store, string stage, Exception exception)
        => Log.StoreHandlerFailed(
            _logger, _info?.CallingAeTitle ?? "", store.MessageId, store.AffectedSopClassUid, stage, exception.GetType().Name);
}
