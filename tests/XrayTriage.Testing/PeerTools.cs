namespace XrayTriage.Testing;

/// <summary>
/// Real peer tools nobody here wrote: DCMTK, dicom3tools, pydicom (Debian's python3), Orthanc.
/// A missing tool is a test failure with the package to install, never a skip: ./test.sh installs them.
/// </summary>
public static class PeerTools
{
    /// <summary>Debian's interpreter, which has python3-pydicom (not a pyenv one).</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly Dictionary<string, string> PackageOf = new(StringComparer.Ordinal)
    {
        ["dcmdump"] = "dcmtk", ["dsrdump"] = "dcmtk", ["storescu"] = "dcmtk", ["storescp"] = "dcmtk",
        ["echoscu"] = "dcmtk", ["dcmsend"] = "dcmtk", ["dcmrecv"] = "dcmtk", ["dump2dcm"] = "dcmtk",
        ["dcmcjpeg"] = "dcmtk", ["dcmdjpeg"] = "dcmtk", ["dcm2pnm"] = "dcmtk", ["dcmj2pnm"] = "dcmtk",
        ["dcml2pnm"] = "dcmtk", ["dcmcrle"] = "dcmtk", ["dcmcjpls"] = "dcmtk",
        ["img2dcm"] = "dcmtk", ["dcmdjpls"] = "dcmtk", ["dcmdrle"] = "dcmtk",
        ["opj_decompress"] = "libopenjp2-tools", ["opj_compress"] = "libopenjp2-tools",
        ["dciodvfy"] = "dicom3tools", ["Orthanc"] = "orthanc",
        ["initdb"] = "postgresql-15", ["pg_ctl"] = "postgresql-15",
    };

    /// <summary>Absolute path of a peer tool, or an exception naming the Debian package that provides it.</summary>
    public static string Require(string tool)
    {
        string[] candidates =
        [
            Path.Combine("/usr/bin", tool),
            Path.Combine("/usr/sbin", tool),
            Path.Combine("/usr/lib/postgresql/15/bin", tool),
            Path.Combine("/usr/local/bin", tool),
        ];
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        var package = PackageOf.GetValueOrDefault(tool, tool);
        throw new FileNotFoundException(
            $"Peer tool '{tool}' is not installed. Install the Debian package: apt-get install {package} (./test.sh does this).");
    }

    public static Task<ProcessResult> RunAsync(
        string tool, IEnumerable<string> arguments, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        => ProcessRunner.RunAsync(Require(tool), arguments, timeout, cancellationToken: cancellationToken);

    /// <summary>Starts a long-running peer (e.g. <c>storescp</c>, <c>dcmrecv</c>) as a child process the caller stops.</summary>
    public static ChildProcess Start(string tool, IEnumerable<string> arguments, string? workingDirectory = null)
        => ProcessRunner.Start(Require(tool), arguments, workingDirectory);

    /// <summary>Runs a Python script with Debian's python3, failing clearly when pydicom is missing.</summary>
    public static async Task<ProcessResult> RunPythonAsync(
        string script, IEnumerable<string> arguments, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(Python))
        {
            throw new FileNotFoundException($"{Python} is not installed: apt-get install python3 python3-pydicom.");
        }

        var args = new List<string> { "-c", script };
        args.AddRange(arguments);
        var result = await ProcessRunner.RunAsync(Python, args, timeout, cancellationToken: cancellationToken);
        if (!result.Succeeded && result.StandardError.Contains("No module named 'pydicom'", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("pydicom is missing: apt-get install python3-pydicom (./test.sh does this).");
        }

        return result;
    }
}
