using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Npgsql;
using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>A private PostgreSQL, <c>xraytriage migrate</c>, three accounts made with <c>xraytriage user add</c>
/// (password on standard input), and one <c>xraytriage serve</c> with its DICOM listener and spool.</summary>
public sealed class WebServer : IAsyncLifetime
{
    public const string AeTitle = "XRAYTRIAGE";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(90);
    private PostgresServer? _postgres;
    private ChildProcess? _serve;
    private string? _spool;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string ConnectionString { get; private set; } = "";

    public int HttpPort { get; private set; }

    public int DicomPort { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>One chromium for every browser test; each test opens its own context.</summary>
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public string ServeOutput => _serve?.Output ?? "";

    /// <summary>Waits until serve's console output holds <paramref name="text"/>: the console logger writes on its
    /// own thread, so a line can appear a moment after the response that caused it.</summary>
    public Task WaitForServeOutputAsync(string text)
        => (_serve ?? throw new InvalidOperationException("serve has not started."))
            .WaitForOutputAsync(o => o.Contains(text, StringComparison.Ordinal), TimeSpan.FromSeconds(30));

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartAsync();
        ConnectionString = await _postgres.CreateDatabaseAsync();
        var environment = Environment();
        (await XrayTriageExecutable.RunAsync(["migrate"], environment)).EnsureSuccess("xraytriage migrate");
        await AddUserAsync(TestUsers.Radiologist, "radiologist");
        await AddUserAsync(TestUsers.Admin, "admin");
        await AddUserAsync(TestUsers.NoRole, "radiologist");
        await ExecuteAsync(
            """DELETE FROM identity."AspNetUserRoles" WHERE "UserId" = (""" +
            """SELECT "Id" FROM identity."AspNetUsers" WHERE "UserName" = @name)""",
            ("name", TestUsers.NoRole));

        _spool = Directory.CreateTempSubdirectory("xraytriage-web-spool-").FullName;
        (HttpPort, DicomPort) = (FreePort.Next(), FreePort.Next());
        _serve = XrayTriageExecutable.Start(
            ["serve", $"--Urls=http://127.0.0.1:{HttpPort}", $"--Dicom:Port={DicomPort}", $"--Dicom:SpoolPath={_spool}",
             "--Dicom:MinFreeDiskBytes=1", $"--Models:Path={XrayTriageExecutable.ModelsPath}", "--Web:RefreshSeconds=1",
             // Every test signs in from 127.0.0.1, most as the same few accounts: SignInTests checks both sign-in limits
             // on serves of their own.
             "--Web:SignInAttemptsPerAddress=10000", "--Web:SignInAttemptsPerAccount=10000"],
            environment);
        _playwright = await Playwright.CreateAsync();
        _browser = await BrowserSession.LaunchAsync(_playwright);
        await WaitReadyAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_serve is not null)
        {
            await _serve.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }

        if (_spool is not null)
        {
            Directory.Delete(_spool, recursive: true);
        }
    }

    public Dictionary<string, string?> Environment() => new() { ["ConnectionStrings__Triage"] = ConnectionString };

    /// <summary>C-STORE with DCMTK's dcmsend, as a modality would.</summary>
    public async Task PushAsync(params string[] files)
    {
        var send = await PeerTools.RunAsync("dcmsend",
            [
                "-aet", "MODALITY", "-aec", AeTitle, "--decompress-never", "+f", "127.0.0.1",
                DicomPort.ToString(CultureInfo.InvariantCulture), .. files,
            ],
            TimeSpan.FromMinutes(1));
        send.EnsureSuccess("dcmsend");
    }

    /// <summary>Waits until every instance of the study with this SOP Instance UID is triaged or skipped; returns the study id.</summary>
    public async Task<long> WaitForStudyAsync(string sopInstanceUid)
    {
        var deadline = DateTimeOffset.UtcNow + Limit;
        while (true)
        {
            var id = await ScalarAsync<long?>(
                """
                SELECT s.id FROM triage.studies s JOIN triage.instances i ON i.study_id = s.id
                WHERE i.sop_instance_uid = @uid AND i.state IN ('Triaged', 'Skipped') AND s.triage_priority IS NOT NULL
                """, ("uid", sopInstanceUid));
            if (id is { } found)
            {
                return found;
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"instance {sopInstanceUid} was not triaged in time:\n{ServeOutput}");
            await Task.Delay(200);
        }
    }

    public async Task<T?> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync();
        return result is null or DBNull ? default : (T)result;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs an <c>xraytriage</c> verb against the fixture's database.</summary>
    public Task<ProcessResult> RunAsync(string[] arguments, string? input = null)
        => ProcessRunner.RunAsync("dotnet", [XrayTriageExecutable.DllPath, .. arguments], TimeSpan.FromMinutes(1),
            RepositoryPaths.RepositoryRoot, Environment(), standardInput: input);

    public async Task AddUserAsync(string name, string role)
        => (await RunAsync(["user", "add", name, "--role", role], TestUsers.Password + "\n")).EnsureSuccess($"xraytriage user add {name}");

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTimeOffset.UtcNow + Limit;
        while (true)
        {
            Assert.False(_serve!.HasExited, $"serve exited early:\n{_serve.Output}");
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            Assert.True(DateTimeOffset.UtcNow < deadline, $"serve not ready:\n{_serve.Output}");
            await Task.Delay(250);
        }
    }
}
