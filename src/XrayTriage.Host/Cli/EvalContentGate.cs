using System.Globalization;
using XrayTriage.Core.Pipeline;
using XrayTriage.Inference;

namespace XrayTriage.Host.Cli;

/// <summary><c>eval</c>'s view of the content gate: how many films of each class the gate would refuse
/// (not-assessable, NotChestRadiograph). The metrics keep every film (they measure the classifier); this count is
/// separate. Off with <c>--ignore-content-gate</c> or when the manifest has no gate.</summary>
internal sealed class EvalContentGate(EnsembleEngine engine, bool ignore)
{
    private readonly int[] _refused = new int[EnsembleLabels.Count];
    private readonly int[] _seen = new int[EnsembleLabels.Count];
    private readonly List<bool> _refusedInOrder = [];

    public bool Active => !ignore && engine.ContentGate is not null;

    public void Observe(EnsemblePrediction prediction, int label)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        _seen[label]++;
        var refused = Active && prediction.IsNotChestRadiograph;
        _refusedInOrder.Add(refused);
        if (refused)
        {
            _refused[label]++;
        }
    }

    /// <param name="stdout">Where the lines go.</param>
    /// <param name="sources">With <c>--labels</c>: each observed film's source, in the order observed; the refusals are
    /// then also counted per source (the gate's threshold is set so that ≥ 99 % of every source's validation films pass).</param>
    public void Print(TextWriter stdout, IReadOnlyList<string>? sources)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        if (!Active)
        {
            stdout.WriteLine(ignore ? "content gate: ignored (--ignore-content-gate)" : "content gate: none in the manifest");
            return;
        }

        var perClass = EnsembleLabels.All.Select(
            (label, k) => string.Create(CultureInfo.InvariantCulture, $"{label} {_refused[k]}/{_seen[k]}"));
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"content gate (threshold {engine.ContentGate!.Threshold:0.#}): not assessable {_refused.Sum()}/{_seen.Sum()} — " +
            $"{string.Join(", ", perClass)} (still counted in the metrics above)"));

        if (sources is null || sources.Count != _refusedInOrder.Count)
        {
            return;
        }

        var perSource = sources.Select((source, i) => (source, refused: _refusedInOrder[i]))
            .GroupBy(x => x.source, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count(x => x.refused)}/{g.Count()}"));
        stdout.WriteLine($"content gate by source: not assessable {string.Join(", ", perSource)}");
    }
}
