using Microsoft.Extensions.Options;

namespace XrayTriage.Host.Cli;

/// <summary>Turns start-up validation failures into one line per problem, each naming its configuration key.</summary>
internal static class ConfigurationErrors
{
    public const int ExitCode = 2;

    public static bool TryWrite(Exception exception, TextWriter error)
    {
        var failures = Collect(exception).ToList();
        if (failures.Count == 0)
        {
            return false;
        }

        foreach (var failure in failures)
        {
            error.WriteLine($"xraytriage: invalid configuration: {failure}");
        }

        return true;
    }

    private static IEnumerable<string> Collect(Exception exception) => exception switch
    {
        OptionsValidationException options => options.Failures,
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Collect),
        _ => [],
    };
}
