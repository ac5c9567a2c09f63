namespace XrayTriage.Web.Tests;

/// <summary>A sign-in name with line breaks cannot forge a log line of serve nor a line of an audit row.</summary>
[Collection(SharedWebServer.Name)]
public sealed class LogInjectionTests(WebServer server)
{
    private const string Forged = "FORGED-LINE-7 User admin.one signed in (password)";

    [Fact]
    public async Task Login_NameWithLineBreaks_IsEscapedInLogAndAudit()
    {
        using var client = ApiClient.Anonymous(server.BaseAddress);
        using var response = await ApiClient.PostLoginAsync(client, $"intruder\r\n{Forged}\u001b[2J", "Wrong-Password-000");

        Assert.Equal(1L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.audit_events WHERE actor = @actor", ("actor", $"intruder\\r\\n{Forged}\\u001B[2J")));
        Assert.Equal(0L, await server.ScalarAsync<long>(
            "SELECT count(*) FROM triage.audit_events WHERE actor ~ '[[:cntrl:]]' OR subject ~ '[[:cntrl:]]' OR detail ~ '[[:cntrl:]]'"));
        await WaitForLogAsync($"intruder\\r\\n{Forged}");
        var lines = server.ServeOutput.Split('\n');
        Assert.DoesNotContain(lines, line => line.TrimStart().StartsWith("FORGED-LINE-7", StringComparison.Ordinal));
        Assert.DoesNotContain('\u001b', server.ServeOutput);
    }

    private async Task WaitForLogAsync(string text)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10);
        while (!server.ServeOutput.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"no log line with {text}:\n{server.ServeOutput}");
            await Task.Delay(100);
        }
    }
}
