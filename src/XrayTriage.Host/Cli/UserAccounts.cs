using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using XrayTriage.Core.Auditing;
using XrayTriage.Persistence.Identity;

namespace XrayTriage.Host.Cli;

/// <summary>What the <c>user</c> verbs do; each change is an audit event (Security Alert: user security attributes
/// changed) naming the account, not its password.</summary>
internal sealed class UserAccounts(UserManager<IdentityUser> users, RoleManager<IdentityRole> roles, IAuditLog audit)
{
    private static readonly string Actor = $"xraytriage-user@{Environment.MachineName}";

    public async Task<int> AddAsync(
        string name, string role, string password, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (await users.FindByNameAsync(name) is not null)
        {
            await error.WriteLineAsync($"xraytriage user add: {name} already exists.");
            return 1;
        }

        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }

        var user = new IdentityUser(name);
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await error.WriteLineAsync($"xraytriage user add: {name}: {UserCommand.Describe(created)}");
            return 1;
        }

        Check(await users.AddToRoleAsync(user, role));
        await audit.RecordAsync(new AuditEntry(AuditEventId.SecurityAlert, AuditEventType.None, AuditOutcome.Success, Actor, $"user {name}",
            $"account added with role {role}"), cancellationToken);
        await output.WriteLineAsync($"Added {name} ({role}).");
        return 0;
    }

    public async Task<int> ListAsync(TextWriter output, CancellationToken cancellationToken)
    {
        var all = await users.Users.OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        foreach (var user in all)
        {
            var userRoles = await users.GetRolesAsync(user);
            var disabled = user.LockoutEnd == AccountPolicy.DisabledUntil ? "  disabled" : "";
            await output.WriteLineAsync($"{user.UserName}  {string.Join(",", userRoles.Order(StringComparer.Ordinal))}{disabled}");
        }

        return 0;
    }

    public async Task<int> DisableAsync(string name, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            await error.WriteLineAsync($"xraytriage user disable: no user {name}.");
            return 1;
        }

        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, AccountPolicy.DisabledUntil));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.RecordAsync(new AuditEntry(AuditEventId.SecurityAlert, AuditEventType.None, AuditOutcome.Success, Actor, $"user {name}",
            "account disabled"), cancellationToken);
        await output.WriteLineAsync($"Disabled {name}.");
        return 0;
    }

    /// <summary>Sets a new password: validated against the policy first, so a refused one leaves the old in place.</summary>
    public async Task<int> SetPasswordAsync(
        string name, string password, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            await error.WriteLineAsync($"xraytriage user password: no user {name}.");
            return 1;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded)
            {
                await error.WriteLineAsync($"xraytriage user password: {name}: {UserCommand.Describe(valid)}");
                return 1;
            }
        }

        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        await audit.RecordAsync(new AuditEntry(AuditEventId.SecurityAlert, AuditEventType.None, AuditOutcome.Success, Actor, $"user {name}",
            "password changed"), cancellationToken);
        await output.WriteLineAsync($"Changed the password of {name}.");
        return 0;
    }

    public Task<bool> AnyAsync(CancellationToken cancellationToken) => users.Users.AnyAsync(cancellationToken);

    /// <summary>Whether <paramref name="name"/> exists and still has <paramref name="password"/> (no lockout counting).</summary>
    public async Task<bool> HasPasswordAsync(string name, string password) =>
        await users.FindByNameAsync(name) is { } user && await users.CheckPasswordAsync(user, password);

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(UserCommand.Describe(result));
        }
    }
}
