using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>DIMSE message handling of an SCP association (DT-2: P-DATA indication).</summary>
internal sealed partial class ScpAssociation
{
    private DimseCommand? _pendingCommand;

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
                    value.IsCommand ? "A new command arrived before the data set of the previous one." : "A data set arrived for a command that has none.",
                    isTransient: false,
                    AbortReason.UnexpectedPduParameter);
            }

            var status = await _reassembler.AppendAsync(value, cancellationToken);
            if (status == ReassemblyStatus.CommandComplete)
            {
                var command = DimseCommandCodec.Decode(_reassembler.Command);
                if (command.HasDataSet)
                {
                    _pendingCommand = command;
                }
                else
                {
                    await DispatchAsync(_reassembler.PresentationContextId, command, null, cancellationToken);
                }
            }
            else if (status == ReassemblyStatus.DataSetComplete)
            {
                var command = _pendingCommand!;
                _pendingCommand = null;
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
            return await _handler.HandleAsync(new StoreRequest(store, _accepted[contextId].TransferSyntax, _info!), dataSet, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception)
        {
            // No exception crosses an association: a failing handler is answered with 0110 (STYLE.md, Errors).
            return DimseStatus.ProcessingFailure;
        }
    }
}
