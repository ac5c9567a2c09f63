using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Pipeline;
using XrayTriage.Persistence;

namespace XrayTriage.Triage;

/// <summary>
/// Claims spooled instances from the database (<c>FOR UPDATE SKIP LOCKED</c> leases, so several processes share one
/// queue) and hands them through a bounded channel to <see cref="TriageOptions.Workers"/> consumers, which read and
/// decode each image and queue it for the ensemble's micro-batcher, then take the next one; the findings are committed
/// (or the failure recorded) when its batch has run. Only as many instances are claimed as there are free worker slots,
/// and the batcher's queue is bounded, so no claim waits in memory long enough for its lease to expire. On stop it claims nothing more and
/// finishes what it holds; whatever a crash leaves claimed is taken over by any worker once the lease expires.
/// </summary>
internal sealed partial class TriageWorker : BackgroundService
{
    private readonly TriageWorkStore _store;
    private readonly InstanceTriage _triage;
    private readonly TriageSignal _signal;
    private readonly TriageMetrics _metrics;
    private readonly TriageOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _abort = new();

    public TriageWorker(
        TriageWorkStore store,
        InstanceTriage triage,
        TriageSignal signal,
        TriageMetrics metrics,
        IOptions<TriageOptions> options,
        TimeProvider timeProvider,
        ILogger<TriageWorker> logger)
    {
        _store = store;
        _triage = triage;
        _signal = signal;
        _metrics = metrics;
        _options = options.Value;
        _timeProvider = timeProvider;
        _logger = logger;
        // Readable in pg_stat and the instances table: which machine and process holds a claim, unique per start.
        var machine = Environment.MachineName.Length > 40 ? Environment.MachineName[..40] : Environment.MachineName;
        WorkerId = $"{machine}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    }

    /// <summary>The owner name of this worker's claims.</summary>
    public string WorkerId { get; }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The stopping token only ends claiming; in-flight images are given until the host's shutdown timeout.
        await using var registration = cancellationToken.Register(static abort => ((CancellationTokenSource)abort!).Cancel(), _abort);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var capacity = _options.Workers + _options.ClaimBatch;
        using var slots = new SemaphoreSlim(capacity, capacity);
        var channel = Channel.CreateBounded<ClaimedWork>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleWriter = true,
        });
        Log.WorkerStarted(_logger, WorkerId, _options.Workers, _options.ClaimBatch, _options.LeaseTimeout);
        var inference = new PendingInference();
        var consumers = Enumerable.Range(0, _options.Workers)
            .Select(_ => Task.Run(() => ConsumeAsync(channel.Reader, slots, inference, _abort.Token), CancellationToken.None))
            .ToArray();
        try
        {
            await ClaimLoopAsync(channel.Writer, slots, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: claim nothing more.
        }
        finally
        {
            channel.Writer.TryComplete();
            await Task.WhenAll(consumers);
            await inference.WhenAllAsync();
            Log.WorkerStopped(_logger, WorkerId);
        }
    }

    private async Task ClaimLoopAsync(ChannelWriter<ClaimedWork> writer, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        var retryDelay = TimeSpan.FromTicks(Math.Max(_options.PollInterval.Ticks, TimeSpan.FromSeconds(1).Ticks));
        while (!stoppingToken.IsCancellationRequested)
        {
            await slots.WaitAsync(stoppingToken);
            var free = 1;
            while (free < _options.ClaimBatch && slots.Wait(0, CancellationToken.None))
            {
                free++;
            }

            IReadOnlyList<ClaimedInstance> claimed;
            var seen = _signal.Wake.Version;
            var claiming = _timeProvider.GetTimestamp();
            try
            {
                claimed = await _store.ClaimAsync(WorkerId, free, _options.LeaseTimeout, _timeProvider.GetUtcNow(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The database is away (restart, network): nothing is lost, the queue is in it. Try again shortly.
                slots.Release(free);
                Log.ClaimFailed(_logger, retryDelay, OneLine(ex));
                await Task.Delay(retryDelay, _timeProvider, stoppingToken);
                continue;
            }
            catch
            {
                slots.Release(free);
                throw;
            }

            if (claimed.Count < free)
            {
                slots.Release(free - claimed.Count);
            }

            var claimedAt = _timeProvider.GetTimestamp();
            foreach (var claim in claimed)
            {
                _metrics.Stage(TriageStage.Claim, _timeProvider.GetElapsedTime(claiming, claimedAt) / claimed.Count);
                // Never waits: the channel holds as many items as there are slots.
                await writer.WriteAsync(new ClaimedWork(claim, claimedAt), CancellationToken.None);
            }

            if (claimed.Count < free)
            {
                await _signal.Wake.WaitAsync(seen, _options.PollInterval, _timeProvider, stoppingToken);
            }
        }
    }

    private async Task ConsumeAsync(
        ChannelReader<ClaimedWork> reader, SemaphoreSlim slots, PendingInference inference, CancellationToken abort)
    {
        // Not cancelled by stopping: what was claimed is finished (or, after the shutdown timeout, left to its lease).
        // A worker is free again once its image is queued for inference: it decodes the next one while the batch runs.
        await foreach (var work in reader.ReadAllAsync(CancellationToken.None))
        {
            try
            {
                inference.Add(await StartAsync(work, abort));
            }
            finally
            {
                slots.Release();
            }
        }
    }

    private static string OneLine(Exception exception)
    {
        var message = $"{exception.GetType().Name}: {exception.Message}";
        var end = message.AsSpan().IndexOfAny('\r', '\n');
        return end < 0 ? message : message[..end];
    }

    private sealed record ClaimedWork(ClaimedInstance Claim, long ClaimedAt);

    /// <summary>Images queued for inference whose outcome is not recorded yet; stopping waits for them. Each task
    /// records its own failures, so none of them faults.</summary>
    private sealed class PendingInference
    {
        private readonly Lock _gate = new();
        private readonly HashSet<Task> _tasks = [];

        public void Add(Task task)
        {
            lock (_gate)
            {
                _tasks.Add(task);
            }

            task.ContinueWith(Remove, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        public Task WhenAllAsync()
        {
            lock (_gate)
            {
                return Task.WhenAll([.. _tasks]);
            }
        }

        private void Remove(Task task)
        {
            lock (_gate)
            {
                _tasks.Remove(task);
            }
        }
    }
}
