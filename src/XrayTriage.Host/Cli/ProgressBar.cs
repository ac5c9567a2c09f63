using System.Diagnostics;
using System.Globalization;

namespace XrayTriage.Host.Cli;

/// <summary>A one-line progress bar on stderr (<c>[#####-----] 120/396 9.8 img/s, 28 s left</c>).</summary>
internal sealed class ProgressBar(TextWriter writer, int total)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly Lock _lock = new();
    private int _done;

    public void Advance(int count)
    {
        lock (_lock)
        {
            _done += count;
            var elapsed = Stopwatch.GetElapsedTime(_started).TotalSeconds;
            var rate = _done / Math.Max(elapsed, 1e-3);
            var filled = (int)(30.0 * _done / total);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r[{new string('#', filled)}{new string('-', 30 - filled)}] {_done}/{total} {rate:0.0} img/s, " +
                $"{(total - _done) / Math.Max(rate, 1e-3):0} s left "));
        }
    }

    public void Note(string line)
    {
        lock (_lock)
        {
            writer.WriteLine($"\rxraytriage eval: {line}");
        }
    }

    public void Done() => writer.WriteLine();
}
