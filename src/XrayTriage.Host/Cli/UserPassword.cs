using System.Text;

namespace XrayTriage.Host.Cli;

/// <summary>Reads a new password: the first line of standard input when it is redirected (scripts, tests), otherwise
/// typed twice at a prompt without echo. Never a command-line argument, which would end up in shell history and <c>ps</c>.</summary>
internal static class UserPassword
{
    public static string? Read(TextWriter output, TextWriter error)
    {
        if (Console.IsInputRedirected)
        {
            var line = Console.In.ReadLine();
            if (string.IsNullOrEmpty(line))
            {
                error.WriteLine("xraytriage user: no password on standard input.");
                return null;
            }

            return line;
        }

        var first = Prompt(output, "Password: ");
        var second = Prompt(output, "Repeat password: ");
        if (first != second)
        {
            error.WriteLine("xraytriage user: the passwords differ.");
            return null;
        }

        return first;
    }

    private static string Prompt(TextWriter output, string label)
    {
        output.Write(label);
        var text = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                output.WriteLine();
                return text.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (text.Length > 0)
                {
                    text.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }
    }
}
