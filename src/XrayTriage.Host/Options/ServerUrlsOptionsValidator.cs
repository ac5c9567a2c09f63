using Microsoft.Extensions.Options;

namespace XrayTriage.Host.Options;

/// <summary>Checks each ';'-separated URL before Kestrel sees it, so a typo gives a line naming the key
/// instead of a stack trace from the server.</summary>
internal sealed class ServerUrlsOptionsValidator : IValidateOptions<ServerUrlsOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerUrlsOptions options)
    {
        var failures = new List<string>();
        var urls = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            failures.Add($"{ServerUrlsOptions.Key} is empty; set e.g. {ServerUrlsOptions.Default}.");
        }

        foreach (var url in urls)
        {
            var problem = Check(url);
            if (problem is not null)
            {
                failures.Add($"{ServerUrlsOptions.Key} \"{url}\" {problem}");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? Check(string url)
    {
        // Kestrel accepts wildcard hosts (http://*:8080, http://+:8080) that Uri does not parse.
        var parseable = url.Replace("://*", "://wildcard", StringComparison.Ordinal)
            .Replace("://+", "://wildcard", StringComparison.Ordinal);
        if (!Uri.TryCreate(parseable, UriKind.Absolute, out var uri))
        {
            var port = TryReadPort(url);
            return port is not null and (< 0 or > 65535)
                ? $"has a port out of range (0–65535): {port}."
                : "is not an absolute http:// or https:// URL.";
        }

        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return "must use http:// or https://.";
        }

        return null;
    }

    private static long? TryReadPort(string url)
    {
        var afterScheme = url.IndexOf("://", StringComparison.Ordinal);
        var colon = url.LastIndexOf(':');
        if (afterScheme < 0 || colon <= afterScheme + 2)
        {
            return null;
        }

        var digits = new string(url[(colon + 1)..].TakeWhile(char.IsAsciiDigit).ToArray());
        return long.TryParse(digits, System.Globalization.CultureInfo.InvariantCulture, out var port) ? port : null;
    }
}
