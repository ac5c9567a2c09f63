using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace XrayTriage.Inference;

/// <summary>Groups concurrent single-image requests into batches: a batch runs when it holds
/// <see cref="InferenceOptions.MaxBatch"/> images or <see cref="InferenceOptions.MaxWaitMilliseconds"/> after its first
/// image arrived, with one session run per member. A failed batch fails every caller in it. The queue is bounded:
/// when full, <see cref="PredictAsync"/> waits. Disposal stops intake and finishes what is queued.</summary>
public sealed class EnsembleBatcher : IAsyncDisposable
{
    private readonly EnsembleEngine _engine;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly int _maxBatch;
    private readonly TimeSpan _maxWait;
    private readonly Channel<Request> _queue;
    private readonly Task _loop;
    private int _disposed;

    public EnsembleBatcher(EnsembleEngine engine, InferenceOptions options, TimeProvider timeProvider, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatch, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxWaitMilliseconds);
        _engine = engine;
        _timeProvider = timeProvider;
        _logger = logger;
        _maxBatch = options.MaxBatch;
        _maxWait = TimeSpan.FromMilliseconds(options.MaxWaitMilliseconds);
        _queue = Channel.CreateBounded<Request>(new BoundedChannelOptions(options.MaxBatch * 4)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Queues one image and completes when its batch has run. Invalid input is refused at once, without
    /// joining a batch; cancellation before the batch runs removes the request from it.</summary>
    public async Task<EnsemblePrediction> PredictAsync(EnsembleInput input, CancellationToken cancellationToken)
        => await await SubmitAsync(input, cancellationToken);

    /// <summary>Queues one image and completes as soon as it is queued (waiting while the queue is full), with the task
    /// of its prediction: a caller can prepare the next image while this one waits for its batch, which is how
    /// batches fill. Invalid input is refused at once; cancellation before the batch runs cancels the prediction.</summary>
    public async Task<Task<EnsemblePrediction>> SubmitAsync(EnsembleInput input, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _engine.Validate(input);
        var request = new Request(input);
        try
        {
            await _queue.Writer.WriteAsync(request, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new ObjectDisposedException(nameof(EnsembleBatcher));
        }

        return AwaitAsync(request, cancellationToken);
    }

    private static async Task<EnsemblePrediction> AwaitAsync(Request request, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(static r => ((Request)r!).Completion.TrySetCanceled(), request);
        return await request.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task RunAsync()
    {
        var batch = new List<Request>(_maxBatch);
        var live = new List<Request>(_maxBatch);
        var inputs = new List<EnsembleInput>(_maxBatch);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            await FillAsync(reader, batch);
            live.Clear();
            inputs.Clear();
            foreach (var request in batch)
            {
                if (!request.Completion.Task.IsCompleted)
                {
                    live.Add(request);
                    inputs.Add(request.Input);
                }
            }

            if (live.Count > 0)
            {
                Execute(live, inputs);
            }
        }
    }

    private async Task FillAsync(ChannelReader<Request> reader, List<Request> batch)
    {
        var started = _timeProvider.GetTimestamp();
        while (batch.Count < _maxBatch)
        {
            if (reader.TryRead(out var request))
            {
                batch.Add(request);
                continue;
            }

            var remaining = _maxWait - _timeProvider.GetElapsedTime(started);
            if (batch.Count == 0 || remaining <= TimeSpan.Zero)
            {
                return;
            }

            using var delayCancellation = new CancellationTokenSource();
            var more = reader.WaitToReadAsync().AsTask();
            var delay = Task.Delay(remaining, _timeProvider, delayCancellation.Token);
            var first = await Task.WhenAny(more, delay);
            await delayCancellation.CancelAsync();
            if (first != more || !await more)
            {
                return;
            }
        }
    }

    private void Execute(List<Request> batch, List<EnsembleInput> inputs)
    {
        IReadOnlyList<EnsemblePrediction> predictions;
        try
        {
            predictions = _engine.Predict(inputs);
        }
#pragma warning disable CA1031 // The failure belongs to the callers of this batch: each gets it, the loop goes on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.BatchFailed(_logger, inputs.Count, ex.Message);
            foreach (var request in batch)
            {
                request.Completion.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Completion.TrySetResult(predictions[i]);
        }
    }

    private sealed class Request(EnsembleInput input)
    {
        public EnsembleInput Input { get; } = input;

        public TaskCompletionSource<EnsemblePrediction> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
