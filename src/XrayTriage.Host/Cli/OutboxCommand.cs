using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using XrayTriage.Core.Auditing;
using XrayTriage.Core.Pipeline;
using XrayTriage.Core.Pipeline.Reports;
using XrayTriage.Persistence;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage outbox list|retry</c>: the admin's view of report delivery. <c>list</c> shows deliveries
/// (newest first) with state, attempts and last error; <c>retry</c> re-queues <c>Failed</c> deliveries — one by id, all
/// of a destination, or all — and records who did it in the audit trail. A running <c>serve</c> picks them up at its
/// next poll.</summary>
internal static class OutboxCommand
{
    public const int FailedExitCode = 1;

    public static Command Create()
    {
        var outbox = new Command("outbox", "Inspect and re-queue report deliveries to PACS destinations.");
        outbox.Subcommands.Add(CreateList());
        outbox.Subcommands.Add(CreateRetry());
        return outbox;
    }

    private static Command CreateList()
    {
        var state = new Option<DeliveryState?>("--state")
        {
            Description = "Only deliveries in this state (Pending, Sending, Delivered, Failed, Superseded).",
        };
        var destination = new Option<string?>("--destination") { Description = "Only this destination (its configured Name)." };
        var study = new Option<long?>("--study") { Description = "Only this study (its case id on the worklist)." };
        var limit = new Option<int>("--limit") { Description = "Most rows to show.", DefaultValueFactory = _ => 50 };
        var command = new Command("list", "List report deliveries, newest first.") { state, destination, study, limit };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) => WithStoreAsync(parseResult, "list", async (store, output, _) =>
        {
            var rows = await store.ListAsync(
                parseResult.GetValue(state), parseResult.GetValue(destination), parseResult.GetValue(study),
                Math.Clamp(parseResult.GetValue(limit), 1, 10_000), cancellationToken);
            await output.WriteLineAsync(Format(rows));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static Command CreateRetry()
    {
        var id = new Option<long?>("--id") { Description = "Re-queue this failed delivery." };
        var destination = new Option<string?>("--destination") { Description = "Re-queue every failed delivery of this destination." };
        var all = new Option<bool>("--all") { Description = "Re-queue every failed delivery." };
        var command = new Command("retry", "Re-queue failed report deliveries (e.g. after fixing a destination's AE title).")
        {
            id, destination, all,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.Validators.Add(result =>
        {
            var chosen = (result.GetValue(id) is null ? 0 : 1)
                + (result.GetValue(destination) is null ? 0 : 1)
                + (result.GetValue(all) ? 1 : 0);
            if (chosen != 1)
            {
                result.AddError("Choose exactly one of --id N, --destination NAME or --all.");
            }
        });
        command.SetAction((parseResult, cancellationToken) => WithStoreAsync(parseResult, "retry", async (store, output, audit) =>
        {
            var deliveryId = parseResult.GetValue(id);
            var name = parseResult.GetValue(destination);
            var count = await store.RequeueAsync(deliveryId, name, TimeProvider.System.GetUtcNow(), cancellationToken);
            var what = deliveryId is { } one
                ? $"delivery {one}"
                : name is not null ? $"failed deliveries of destination '{name}'" : "all failed deliveries";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Re-queued {count} delivery(ies) ({what})."));
            if (count > 0)
            {
                await audit.RecordAsync(
                    new AuditEntry(AuditEventId.DicomInstancesTransferred, AuditEventType.None, AuditOutcome.Success,
                        $"{Environment.UserName}@{Environment.MachineName}", name, $"xraytriage outbox retry: re-queued {count} ({what})"),
                    cancellationToken);
            }

            return deliveryId is not null && count == 0 ? FailedExitCode : 0;
        }, cancellationToken));
        return command;
    }

    private static async Task<int> WithStoreAsync(
        ParseResult parseResult,
        string verb,
        Func<ReportOutboxStore, TextWriter, IAuditLog, Task<int>> action,
        CancellationToken cancellationToken)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        var builder = CommandHost.CreateBuilder(parseResult.UnmatchedTokens);
        builder.AddPersistence();
        using var host = builder.Build();
        try
        {
            return await action(
                host.Services.GetRequiredService<ReportOutboxStore>(), output, host.Services.GetRequiredService<IAuditLog>());
        }
        catch (Exception ex) when (ConfigurationErrors.TryWrite(ex, error))
        {
            return ConfigurationErrors.ExitCode;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            await error.WriteLineAsync($"xraytriage outbox {verb}: failed: {DatabaseMaintenance.Describe(ex)}");
            return FailedExitCode;
        }
    }

    internal static string Format(IReadOnlyList<DeliveryRow> rows)
    {
        if (rows.Count == 0)
        {
            return "No deliveries.";
        }

        var lines = new List<string> { "id\treport\tstudy\tversion\tdestination\tstate\tattempts\tupdated\tlast error" };
        lines.AddRange(rows.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"{r.DeliveryId}\t{r.ReportId}\t{r.StudyId}\t{r.Version}\t{r.Destination}\t{r.State}\t{r.Attempts}\t" +
            $"{r.UpdatedAt:yyyy-MM-dd HH:mm:ss}Z\t{r.LastError ?? "-"}")));
        return string.Join(Environment.NewLine, lines);
    }
}
