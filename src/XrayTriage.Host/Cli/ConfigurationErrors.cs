using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace XrayTriage.Host.Cli;

/// <summary>Turns start-up validation failures into one line per problem, each naming its configuration key: the
/// options validators' failures, and a value the configuration binder could not convert to its setting's type.</summary>
internal static partial class ConfigurationErrors
{
    public const int ExitCode = 2;

    public static bool TryWrite(Exception exception, TextWriter error)
    {
        // One failure can surface more than once (options that depend on other options meet it too): print it once.
        var failures = Collect(exception).Distinct(StringComparer.Ordinal).ToList();
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
        InvalidOperationException binder when binder.TargetSite?.DeclaringType?.FullName == BinderType => [Conversion(binder)],
        _ => [],
    };

    private const string BinderType = "Microsoft.Extensions.Configuration.ConfigurationBinder";

    /// <summary>"Failed to convert configuration value 'x' at 'Triage:Workers' to type 'System.Int32'." as
    /// "Triage:Workers cannot be read as Int32 (got 'x')"; any other binder message as it is.</summary>
    private static string Conversion(InvalidOperationException exception)
    {
        var match = BinderConversion().Match(exception.Message);
        return match.Success
            ? $"{match.Groups["key"].Value} cannot be read as {match.Groups["type"].Value} (got '{match.Groups["value"].Value}')"
            : exception.Message;
    }

    [GeneratedRegex(@"value '(?<value>.*)' at '(?<key>[^']+)' to type '(?:[\w.]+\.)?(?<type>[\w`]+)'", RegexOptions.Singleline)]
    private static partial Regex BinderConversion();
}
