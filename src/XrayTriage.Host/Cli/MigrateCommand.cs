using System.CommandLine;
using System.Data.Common;
using Microsoft.Extensions.Options;
using XrayTriage.Core.Auditing;
using XrayTriage.Persistence;
using XrayTriage.Persistence.Identity;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage migrate</c>: applies pending EF Core migrations; idempotent.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply the database migrations of this version (safe to run again).")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var builder = CommandHost.CreateBuilder(parseResult.UnmatchedTokens);
        builder.AddPersistence();
        builder.Services.AddIdentityCore<Microsoft.AspNetCore.Identity.IdentityUser>()
            .AddRoles<Microsoft.AspNetCore.Identity.IdentityRole>()
            .AddIdentityDatabase();
        using var host = builder.Build();
        try
        {
            _ = host.Services.GetRequiredService<IOptions<PersistenceOptions>>().Value;
            var applied = await host.Services.GetRequiredService<DatabaseMaintenance>().MigrateAsync(cancellationToken);
            applied = [.. applied, .. await host.Services.GetRequiredService<IdentityMaintenance>().MigrateAsync(cancellationToken)];
            if (applied.Count == 0)
            {
                await output.WriteLineAsync("Database schema is up to date; nothing to apply.");
                return 0;
            }

            foreach (var migration in applied)
            {
                await output.WriteLineAsync($"Applied {migration}");
            }

            await host.Services.GetRequiredService<IAuditLog>().RecordAsync(
                new AuditEntry(AuditEventId.ApplicationActivity, AuditEventType.None, AuditOutcome.Success,
                    $"xraytriage-migrate@{Environment.MachineName}", null,
                    $"schema migrated to {applied[^1]} ({applied.Count} migration(s))"),
                cancellationToken);
            return 0;
        }
        catch (Exception ex) when (ConfigurationErrors.TryWrite(ex, error))
        {
            return ConfigurationErrors.ExitCode;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            await error.WriteLineAsync($"xraytriage migrate: failed: {DatabaseMaintenance.Describe(ex)}");
            return 1;
        }
    }
}
