using XrayTriage.Testing;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>What one storescu run saw: the films answered with success (or a warning) and those answered otherwise.</summary>
internal sealed record PushResult(
    ProcessResult Process, IReadOnlyList<ChestFilm> Acknowledged, IReadOnlyList<(ChestFilm Film, string Status)> Refused)
{
    public string Log => Process.StandardOutput + Process.StandardError;
}
