using System.CommandLine;
using System.Security.Cryptography;
using XrayTriage.Persistence.Identity;

namespace XrayTriage.Host.Cli;

/// <summary>
/// <c>xraytriage user init-admin --password-file FILE</c>: the first run's way in (run.sh calls it at every start).
/// With no account at all it creates <c>admin</c> (role admin) with a generated password, writes the password to FILE
/// (created new, mode 0600) and prints it once. Later runs print where it is kept, and remove the file once the
/// password no longer signs in (changed with <c>user password admin</c>), so a stale secret does not stay on disk.
/// </summary>
internal static class InitialAdmin
{
    public const string UserName = "admin";

    // No 0/O, 1/l/I: the password is read off a terminal and typed into a browser.
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private const int PasswordLength = 20;

    public static Command Create()
    {
        var file = new Option<FileInfo>("--password-file")
        {
            Description = "Where the generated password is kept (mode 0600) until it is changed.",
            Required = true,
        };
        var command = new Command(
            "init-admin", "Create the initial admin account with a generated password when there is no account yet.")
        {
            file,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parseResult, cancellationToken) => UserCommandHost.RunAsync(
            parseResult,
            (users, output, error) => RunAsync(users, parseResult.GetRequiredValue(file).FullName, output, error, cancellationToken),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        UserAccounts users, string path, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            var kept = (await File.ReadAllTextAsync(path, cancellationToken)).Trim();
            if (await users.HasPasswordAsync(UserName, kept))
            {
                await output.WriteLineAsync($"Sign in as {UserName} with the password in {path} (kept until you change it).");
                return 0;
            }

            File.Delete(path);
            await output.WriteLineAsync($"The password in {path} no longer signs in as {UserName} (changed); removed the file.");
        }

        if (await users.AnyAsync(cancellationToken))
        {
            return 0;
        }

        var password = Generate();
        // The file first: a password that reached the database but not the file would lock the user out.
        await WriteSecretAsync(path, password, cancellationToken);
        var added = await users.AddAsync(UserName, UserRoles.Admin, password, TextWriter.Null, error, cancellationToken);
        if (added != 0)
        {
            File.Delete(path);
            return added;
        }

        await output.WriteLineAsync($"Created the initial account {UserName} (role admin). Its password, shown only this once:");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"    {password}");
        await output.WriteLineAsync();
        await output.WriteLineAsync(
            $"It is kept in {path} (readable only by you) until you change it: `user password {UserName}` " +
            $"(in a checkout `./run.sh user password {UserName}`).");
        return 0;
    }

    /// <summary>A password the account policy accepts (upper case, lower case, digit, 12+ characters); about 117 bits.</summary>
    public static string Generate()
    {
        while (true)
        {
            var password = RandomNumberGenerator.GetString(Alphabet, PasswordLength);
            if (password.Any(char.IsUpper) && password.Any(char.IsLower) && password.Any(char.IsDigit))
            {
                return password;
            }
        }
    }

    private static async Task WriteSecretAsync(string path, string password, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteLineAsync(password.AsMemory(), cancellationToken);
    }
}
