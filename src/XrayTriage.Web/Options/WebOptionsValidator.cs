using Microsoft.Extensions.Options;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Web.Options;

/// <summary>Checks <c>Web</c> at start-up; every failure names its key.</summary>
internal sealed class WebOptionsValidator : IValidateOptions<WebOptions>
{
    public ValidateOptionsResult Validate(string? name, WebOptions options)
    {
        var failures = new List<string>();
        if (options.RefreshSeconds is < 1 or > 60)
        {
            failures.Add($"Web:RefreshSeconds must be 1–60 (was {options.RefreshSeconds}).");
        }

        if (options.MaxUploadBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            failures.Add($"Web:MaxUploadBytes must be between 1 KiB and 1 GiB (was {options.MaxUploadBytes}).");
        }

        if (options.SessionMinutes is < 1 or > 24 * 60)
        {
            failures.Add($"Web:SessionMinutes must be 1–1440 (was {options.SessionMinutes}).");
        }

        if (options.SignInAttemptsPerAddress is < 1 or > 10_000)
        {
            failures.Add($"Web:SignInAttemptsPerAddress must be 1–10000 (was {options.SignInAttemptsPerAddress}).");
        }

        if (options.SignInAttemptsPerAccount is < 1 or > 10_000)
        {
            failures.Add($"Web:SignInAttemptsPerAccount must be 1–10000 (was {options.SignInAttemptsPerAccount}).");
        }

        if (options.MaxConcurrentUploads is < 1 or > 64)
        {
            failures.Add($"Web:MaxConcurrentUploads must be 1–64 (was {options.MaxConcurrentUploads}).");
        }

        if (options.UploadMemoryBytes is < 16L * 1024 * 1024 or > 16L * 1024 * 1024 * 1024)
        {
            failures.Add($"Web:UploadMemoryBytes must be between 16 MiB and 16 GiB (was {options.UploadMemoryBytes}).");
        }

        if (options.ImageMaxSide is < 256 or > 8192)
        {
            failures.Add($"Web:ImageMaxSide must be 256–8192 (was {options.ImageMaxSide}).");
        }

        if (options.ImageCacheBytes is < 0 or > 4L * 1024 * 1024 * 1024)
        {
            failures.Add($"Web:ImageCacheBytes must be between 0 and 4 GiB (was {options.ImageCacheBytes}).");
        }

        if (options.MaxConcurrentRenders is < 1 or > 32)
        {
            failures.Add($"Web:MaxConcurrentRenders must be 1–32 (was {options.MaxConcurrentRenders}).");
        }

        if (!AeTitle.IsValid(options.StoreCallingAeTitle, out var aeReason))
        {
            failures.Add($"Web:StoreCallingAeTitle is not a valid AE title: {aeReason}");
        }

        var oidc = options.Oidc;
        if (oidc.Enabled)
        {
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority)
                || (authority.Scheme != Uri.UriSchemeHttps && (oidc.RequireHttpsMetadata || authority.Scheme != Uri.UriSchemeHttp)))
            {
                failures.Add($"Web:Oidc:Authority must be an absolute https URL of the identity provider (was \"{oidc.Authority}\").");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                failures.Add("Web:Oidc:ClientId is required when Web:Oidc:Enabled is true.");
            }

            if (string.IsNullOrWhiteSpace(oidc.ClientSecret))
            {
                failures.Add(
                    "Web:Oidc:ClientSecret is required when Web:Oidc:Enabled is true " +
                    "(set it in the environment: Web__Oidc__ClientSecret).");
            }

            if (string.IsNullOrWhiteSpace(oidc.RoleClaim))
            {
                failures.Add("Web:Oidc:RoleClaim must name the claim that carries roles or groups.");
            }

            if (oidc.RadiologistValues.Count == 0 && oidc.AdminValues.Count == 0)
            {
                failures.Add(
                    "Web:Oidc:RadiologistValues or Web:Oidc:AdminValues must list at least one claim value, " +
                    "or no SSO user could see anything.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
