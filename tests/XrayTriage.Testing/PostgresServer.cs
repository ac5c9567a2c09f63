using System.Globalization;
using Npgsql;

namespace XrayTriage.Testing;

/// <summary>
/// A private PostgreSQL 15 cluster in a temporary folder, listening on a free port of 127.0.0.1 only.
/// initdb refuses to run as root, so as root the cluster belongs to (and runs as) the postgres user.
/// Stopped by <c>pg_ctl stop</c>, then by the postmaster's PID if that fails.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _superuser;

    private PostgresServer(string directory, int port, string superuser)
    {
        _directory = directory;
        Port = port;
        _superuser = superuser;
    }

    public int Port { get; }

    private string DataDirectory => Path.Combine(_directory, "data");

    private string SocketDirectory => Path.Combine(_directory, "sock");

    private static bool IsRoot => Environment.UserName == "root";

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var directory = Directory.CreateTempSubdirectory("xraytriage-pg-").FullName;
        var server = new PostgresServer(directory, FreePort.Next(), IsRoot ? "postgres" : Environment.UserName);
        Directory.CreateDirectory(server.SocketDirectory);
        if (IsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", directory], cancellationToken);
        }

        await RunPgAsync("initdb",
            ["-D", server.DataDirectory, "-U", server._superuser, "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync"],
            cancellationToken);
        await RunPgAsync("pg_ctl",
            ["-D", server.DataDirectory, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "start",
             "-o", $"-c listen_addresses=127.0.0.1 -c port={server.Port} -c unix_socket_directories={server.SocketDirectory} " +
                 "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"],
            cancellationToken);
        return server;
    }

    /// <summary>Connection string for <paramref name="database"/> as the cluster's superuser.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = _superuser,
        Database = database,
        Pooling = false,
        Timeout = 15,
    }.ConnectionString;

    /// <summary>Creates an empty database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var name = "t_" + Guid.NewGuid().ToString("N")[..16];
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunPgAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "-t", "30", "stop"], CancellationToken.None);
        }
        catch (InvalidOperationException)
        {
            KillPostmaster();
        }
        catch (TimeoutException)
        {
            KillPostmaster();
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the server is already stopped.
        }
    }

    private void KillPostmaster()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (File.Exists(pidFile) &&
            int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid))
        {
            try
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // already gone
            }
        }
    }

    private static Task RunPgAsync(string tool, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var path = PeerTools.Require(tool);
        return IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], cancellationToken)
            : RunAsync(path, arguments, cancellationToken);
    }

    private static async Task RunAsync(string fileName, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments, TimeSpan.FromSeconds(90), cancellationToken: cancellationToken);
        result.EnsureSuccess($"{Path.GetFileName(fileName)} {string.Join(' ', arguments.Take(3))}");
    }
}
