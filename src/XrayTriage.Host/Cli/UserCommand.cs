using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using XrayTriage.Persistence.Identity;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage user add NAME --role R</c> (password from standard input or a prompt, never an argument),
/// <c>user list</c>, <c>user disable NAME</c>, <c>user password NAME</c>, <c>user init-admin</c>: local accounts of the web
/// pages (ASP.NET Core Identity in PostgreSQL).</summary>
internal static class UserCommand
{
    public static Command Create()
    {
        var command = new Command("user", "Manage the local accounts of the web pages (roles radiologist, admin).");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Disable());
        command.Subcommands.Add(Password());
        command.Subcommands.Add(InitialAdmin.Create());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "User name (letters, digits, - . _ @)." };
        var role = new Option<string>("--role") { Description = "radiologist or admin.", Required = true };
        role.AcceptOnlyFromAmong([.. UserRoles.All]);
        var command = new Command(
            "add", "Add an account; the password is read from standard input (or prompted for), never from the command line.")
        {
            name, role,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) => UserCommandHost.RunAsync(parseResult, async (users, output, error) =>
        {
            var password = UserPassword.Read(parseResult.InvocationConfiguration.Output, error);
            if (password is null)
            {
                return 1;
            }

            return await users.AddAsync(
                parseResult.GetRequiredValue(name), parseResult.GetRequiredValue(role), password, output, error, cancellationToken);
        }, cancellationToken));
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the accounts, their roles and whether they are disabled.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) => UserCommandHost.RunAsync(parseResult,
            (users, output, error) => users.ListAsync(output, cancellationToken), cancellationToken));
        return command;
    }

    private static Command Disable()
    {
        var name = new Argument<string>("NAME") { Description = "User name." };
        var command = new Command("disable", "Disable an account (it can no longer sign in; its audit history stays).") { name };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) => UserCommandHost.RunAsync(parseResult,
            (users, output, error) => users.DisableAsync(parseResult.GetRequiredValue(name), output, error, cancellationToken),
            cancellationToken));
        return command;
    }

    private static Command Password()
    {
        var name = new Argument<string>("NAME") { Description = "User name." };
        var command = new Command(
            "password", "Set a new password; read from standard input (or prompted for), never from the command line.")
        {
            name,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) => UserCommandHost.RunAsync(parseResult, async (users, output, error) =>
        {
            var password = UserPassword.Read(parseResult.InvocationConfiguration.Output, error);
            return password is null
                ? 1
                : await users.SetPasswordAsync(parseResult.GetRequiredValue(name), password, output, error, cancellationToken);
        }, cancellationToken));
        return command;
    }

    /// <summary>Identity's error descriptions on one line.</summary>
    public static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
