using Microsoft.Extensions.Options;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Checks every destination before start-up, naming the key: AE title and host misconfiguration is the most
/// common first-run failure, so it should fail loudly here rather than as a queue of failed reports.</summary>
internal sealed class PacsOptionsValidator : IValidateOptions<PacsOptions>
{
    public ValidateOptionsResult Validate(string? name, PacsOptions options)
    {
        var failures = new List<string>();
        const string Section = PacsOptions.SectionName;
        if (!string.IsNullOrWhiteSpace(options.CallingAeTitle) && AeTitleProblem(options.CallingAeTitle) is { } calling)
        {
            failures.Add($"{Section}:{nameof(PacsOptions.CallingAeTitle)} {calling}");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Destinations.Count; i++)
        {
            var d = options.Destinations[i];
            var key = $"{Section}:Destinations:{i}";
            if (string.IsNullOrWhiteSpace(d.Name) || d.Name.Trim().Length > 64)
            {
                failures.Add($"{key}:Name is required (1 to 64 characters); the outbox and audit trail use it.");
            }
            else if (!names.Add(d.Name.Trim()))
            {
                failures.Add($"{key}:Name '{d.Name.Trim()}' is used by another destination; names must be unique.");
            }

            if (AeTitleProblem(d.AeTitle) is { } ae)
            {
                failures.Add($"{key}:AeTitle {ae}");
            }

            if (string.IsNullOrWhiteSpace(d.Host))
            {
                failures.Add($"{key}:Host is required (name or address of the PACS).");
            }

            if (d.Port is < 1 or > 65535)
            {
                failures.Add($"{key}:Port must be between 1 and 65535 (got {d.Port}).");
            }

            if (d.MaxAssociations is < 1 or > 16)
            {
                failures.Add($"{key}:MaxAssociations must be between 1 and 16 (got {d.MaxAssociations}).");
            }

            if (d.Tls.Enabled)
            {
                RequireFile(failures, $"{key}:Tls:TrustedCaPath", d.Tls.TrustedCaPath, optional: true);
                RequireFile(failures, $"{key}:Tls:ClientCertificatePath", d.Tls.ClientCertificatePath, optional: true);
                RequireFile(failures, $"{key}:Tls:ClientKeyPath", d.Tls.ClientKeyPath, optional: true);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>PS3.5 §6.2 (AE VR): 1–16 characters of the default repertoire without backslash or control characters,
    /// not only spaces.</summary>
    internal static string? AeTitleProblem(string? value)
    {
        var trimmed = value?.Trim() ?? string.Empty;
        if (trimmed.Length is 0 or > 16)
        {
            return $"must be 1 to 16 characters (got '{value}').";
        }

        return trimmed.Any(c => c is < ' ' or > '~' or '\\')
            ? $"may contain only printable ASCII without backslash (got '{value}')."
            : null;
    }

    private static void RequireFile(List<string> failures, string key, string? path, bool optional)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!optional)
            {
                failures.Add($"{key} is required.");
            }

            return;
        }

        if (!File.Exists(path))
        {
            failures.Add($"{key}: file '{path}' does not exist.");
        }
    }
}
