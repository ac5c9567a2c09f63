namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>Reassembles the PDVs of P-DATA-TF PDUs into a command set and a data set stream.</summary>
/// <remarks>
/// PS3.8 Annex E and PS3.7 §9.3.1: a message is the command fragments, then (if the command says so) the
/// data set fragments, all on one presentation context. Command sets are held in memory (bounded); data
/// sets spill to a temporary file past <see cref="ReassemblyOptions.MemoryThreshold"/>, unless the caller takes the
/// data set fragments itself (<see cref="PassDataSetThrough"/>).
/// </remarks>
public sealed class PDataReassembler : IAsyncDisposable
{
    private readonly ReassemblyOptions _options;
    private readonly MemoryStream _command = new();
    private SpillBuffer _data;
    private Phase _phase;
    private bool _passThrough;
    private long _passedLength;

    /// <summary>Creates a reassembler.</summary>
    /// <param name="options">Bounds; defaults when <see langword="null"/>.</param>
    public PDataReassembler(ReassemblyOptions? options = null)
    {
        _options = options ?? new ReassemblyOptions();
        _data = new SpillBuffer(_options.MemoryThreshold, _options.TemporaryDirectory);
    }

    private enum Phase
    {
        Idle,
        Command,
        AfterCommand,
        DataSet,
    }

    /// <summary>Gets the presentation context of the current message.</summary>
    public byte PresentationContextId { get; private set; }

    /// <summary>Gets the command set bytes once <see cref="ReassemblyStatus.CommandComplete"/> was returned.</summary>
    public ReadOnlyMemory<byte> Command => _command.GetBuffer().AsMemory(0, (int)_command.Length);

    /// <summary>Gets whether the data set collected so far lives in a temporary file.</summary>
    public bool IsDataSetFileBacked => _data.IsFileBacked;

    /// <summary>Adds one PDV.</summary>
    /// <param name="value">The next PDV received on the association.</param>
    /// <param name="cancellationToken">Cancels a write to the temporary file.</param>
    /// <returns>What the PDV completed.</returns>
    /// <exception cref="DicomNetworkException">The PDV breaks the fragment order or a bound.</exception>
    public async ValueTask<ReassemblyStatus> AppendAsync(PresentationDataValue value, CancellationToken cancellationToken)
    {
        if (value.IsCommand)
        {
            if (_phase is Phase.Idle or Phase.AfterCommand)
            {
                await DiscardUntakenDataSetAsync();
                _command.SetLength(0);
                _passThrough = false;
                _passedLength = 0;
                PresentationContextId = value.PresentationContextId;
                _phase = Phase.Command;
            }
            else if (_phase == Phase.DataSet)
            {
                throw Unexpected("a command fragment arrived in the middle of a data set");
            }

            CheckContext(value);
            if (_command.Length + value.Data.Length > _options.MaxCommandLength)
            {
                throw Unexpected($"the command set exceeds {_options.MaxCommandLength} bytes");
            }

            _command.Write(value.Data.Span);
            if (!value.IsLastFragment)
            {
                return ReassemblyStatus.NeedMore;
            }

            _phase = Phase.AfterCommand;
            return ReassemblyStatus.CommandComplete;
        }

        if (_phase is Phase.Idle or Phase.Command)
        {
            throw Unexpected("a data set fragment arrived before a complete command");
        }

        CheckContext(value);
        _phase = Phase.DataSet;
        var length = _passThrough ? _passedLength : _data.Length;
        if (length + value.Data.Length > _options.MaxDataSetLength)
        {
            throw Unexpected($"the data set exceeds {_options.MaxDataSetLength} bytes");
        }

        if (_passThrough)
        {
            _passedLength += value.Data.Length;
        }
        else
        {
            try
            {
                await _data.WriteAsync(value.Data, cancellationToken);
            }
            catch (IOException ex)
            {
                throw new DicomNetworkException(
                    "Could not buffer the data set in a temporary file.", isTransient: true, innerException: ex);
            }
        }

        if (!value.IsLastFragment)
        {
            return ReassemblyStatus.NeedMore;
        }

        _phase = Phase.Idle;
        return ReassemblyStatus.DataSetComplete;
    }

    /// <summary>Leaves the data set of the message whose command just completed to the caller: its fragments are still
    /// checked (order, context, <see cref="ReassemblyOptions.MaxDataSetLength"/>) but not collected, and the caller takes
    /// each one's bytes from the <see cref="PresentationDataValue"/> it passed in.</summary>
    /// <exception cref="InvalidOperationException">No command is complete, or its data set has begun.</exception>
    public void PassDataSetThrough()
    {
        if (_phase != Phase.AfterCommand)
        {
            throw new InvalidOperationException("The data set can be passed through only right after its command completed.");
        }

        _passThrough = true;
    }

    /// <summary>Takes the completed data set; the caller owns and disposes the stream (a temporary file is deleted on close).</summary>
    /// <returns>The data set bytes, positioned at 0.</returns>
    public Stream TakeDataSet() => _data.Detach();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _data.DisposeAsync();
        await _command.DisposeAsync();
    }

    private async ValueTask DiscardUntakenDataSetAsync()
    {
        if (_data.Length > 0)
        {
            await _data.DisposeAsync();
            _data = new SpillBuffer(_options.MemoryThreshold, _options.TemporaryDirectory);
        }
    }

    private void CheckContext(PresentationDataValue value)
    {
        if (value.PresentationContextId != PresentationContextId)
        {
            throw Unexpected(
                $"a fragment on presentation context {value.PresentationContextId} " +
                $"interrupts a message on context {PresentationContextId}");
        }
    }

    private static DicomNetworkException Unexpected(string message) =>
        new($"P-DATA reassembly: {message}.", isTransient: false, AbortReason.UnexpectedPduParameter);
}
