namespace XrayTriage.Testing;

/// <summary>Exit code and captured output of a finished child process.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Throws with the command's output when it did not exit 0.</summary>
    public ProcessResult EnsureSuccess(string what)
    {
        if (!Succeeded)
        {
            throw new InvalidOperationException(
                $"{what} exited {ExitCode}.\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}");
        }

        return this;
    }
}
