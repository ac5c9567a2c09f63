using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Host.Cli;

/// <summary>The source of each evaluated image and how it was found: by its path relative to the labels file, by
/// the SHA-256 of its bytes, or not at all (<see cref="SourceBreakdown.Unlisted"/>).</summary>
internal sealed record EvalSourceMatch(IReadOnlyList<string> Sources, int ByPath, int ByHash, int Unlisted);
