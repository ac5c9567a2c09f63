using Npgsql;
using XrayTriage.Testing;

namespace XrayTriage.EndToEnd.Tests;

/// <summary>
/// Stops and starts the fixture's PostgreSQL cluster with pg_ctl, as an operator restarting the database would.
/// The data folder and the server's own command line come from the running server (<c>SHOW data_directory</c>,
/// <c>postmaster.opts</c>), so the restarted server listens where it did before.
/// </summary>
internal sealed class PostgresOutage
{
    private readonly string _dataDirectory;
    private readonly string _options;

    private PostgresOutage(string dataDirectory, string options)
    {
        _dataDirectory = dataDirectory;
        _options = options;
    }

    public static async Task<PostgresOutage> PrepareAsync(PostgresServer server)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SHOW data_directory", connection);
        var dataDirectory = (string)(await command.ExecuteScalarAsync())!;

        // postmaster.opts: /usr/lib/postgresql/15/bin/postgres "-D" "/tmp/…/data" "-c" "port=…" …
        var arguments = (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "postmaster.opts")))
            .Trim().Split(' ').Skip(1).Select(a => a.Trim('"')).ToList();
        var d = arguments.IndexOf("-D");
        if (d >= 0)
        {
            arguments.RemoveRange(d, 2);
        }

        return new PostgresOutage(dataDirectory, string.Join(' ', arguments));
    }

    public Task StopAsync() => PgCtlAsync(["-D", _dataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]);

    public Task StartAsync() => PgCtlAsync(
        [
            "-D", _dataDirectory, "-l", Path.Combine(Path.GetDirectoryName(_dataDirectory)!, "restart.log"),
            "-w", "-t", "60", "start", "-o", _options,
        ]);

    private static async Task PgCtlAsync(IReadOnlyList<string> arguments)
    {
        var pgCtl = PeerTools.Require("pg_ctl");
        var result = Environment.UserName == "root"
            ? await ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", pgCtl, .. arguments], TimeSpan.FromSeconds(90))
            : await ProcessRunner.RunAsync(pgCtl, arguments, TimeSpan.FromSeconds(90));
        result.EnsureSuccess($"pg_ctl {string.Join(' ', arguments)}");
    }
}
