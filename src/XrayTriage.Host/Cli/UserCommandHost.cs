using System.CommandLine;
using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using XrayTriage.Persistence;
using XrayTriage.Persistence.Identity;

namespace XrayTriage.Host.Cli;

/// <summary>The services behind <c>xraytriage user</c>: configuration as for <c>serve</c> (connection string
/// <c>ConnectionStrings:Triage</c>), Identity's user manager over the <c>identity</c> schema, the audit log.</summary>
internal static class UserCommandHost
{
    public static async Task<int> RunAsync(
        ParseResult parseResult, Func<UserAccounts, TextWriter, TextWriter, Task<int>> action, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var builder = CommandHost.CreateBuilder(parseResult.UnmatchedTokens);
        builder.Logging.ClearProviders();
        builder.AddPersistence();
        builder.Services.AddIdentityCore<IdentityUser>(AccountPolicy.Apply).AddRoles<IdentityRole>().AddIdentityDatabase();
        builder.Services.AddScoped<UserAccounts>();
        using var host = builder.Build();
        try
        {
            _ = host.Services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
            await using var scope = host.Services.CreateAsyncScope();
            return await action(scope.ServiceProvider.GetRequiredService<UserAccounts>(), output, error);
        }
        catch (Exception ex) when (ConfigurationErrors.TryWrite(ex, error))
        {
            return ConfigurationErrors.ExitCode;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            await error.WriteLineAsync($"xraytriage user: failed: {DatabaseMaintenance.Describe(ex)} (has `xraytriage migrate` run?)");
            return 1;
        }
    }
}
