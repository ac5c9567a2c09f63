using System.Globalization;

namespace XrayTriage.Host.Cli;

/// <summary>How <c>xraytriage eval</c> prints a metric: three decimals, "–" where it is undefined.</summary>
internal static class EvalText
{
    public static string Number(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "–";
}
