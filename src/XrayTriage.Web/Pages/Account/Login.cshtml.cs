using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using XrayTriage.Core;
using XrayTriage.Web.Security;

namespace XrayTriage.Web.Pages.Account;

/// <summary>Local accounts: user name and password (Identity, lockout after repeated failures). Every attempt is
/// audited, except attempts refused by the rate limit, which are audited once per burst. Every refusal reads the same
/// and costs one password hash, so neither the message nor the timing tells whether an account exists.</summary>
internal sealed class LoginModel(
    SignInManager<IdentityUser> signIn, IAuthenticationSchemeProvider schemes, SignInThrottle throttle, PasswordTimingEqualizer equalizer,
    WebAudit audit, ILogger<LoginModel> logger) : PageModel
{
    public const string Refused = "Wrong user name or password, or the account is locked or disabled. Ask an administrator if it persists.";

    public const string Throttled = "Too many sign-in attempts. Wait a minute and try again.";

    [BindProperty(SupportsGet = true)]
    public string ReturnUrl { get; set; } = "/";

    [BindProperty]
    public string? UserName { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public string? SsoName { get; private set; }

    public async Task OnGetAsync() => SsoName = (await schemes.GetSchemeAsync(WebRegistration.OidcScheme))?.DisplayName;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        SsoName = (await schemes.GetSchemeAsync(WebRegistration.OidcScheme))?.DisplayName;
        var name = (UserName ?? "").Trim();
        if (name.Length == 0 || name.Length > 256 || string.IsNullOrEmpty(Password))
        {
            Error = "Enter your user name and password.";
            return Page();
        }

        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.TryEnter(address, name) is { } refusal)
        {
            if (refusal.FirstOfBurst)
            {
                Log.SignInThrottled(logger, LogText.Escape(refusal.Key));
                await audit.SignInThrottledAsync(name, refusal.Key, cancellationToken);
            }

            Error = Throttled;
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var user = await signIn.UserManager.FindByNameAsync(name);
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            if (user is null || result.IsLockedOut || result.IsNotAllowed)
            {
                equalizer.Spend(Password);
            }

            var reason = result.IsLockedOut ? "locked out or disabled"
                : result.IsNotAllowed ? "not allowed"
                : "wrong user name or password";
            Log.SignInFailed(logger, LogText.Escape(name), reason);
            await audit.LoginAsync(name, false, $"password: {reason}", cancellationToken);
            Error = Refused;
            return Page();
        }

        Log.SignedIn(logger, LogText.Escape(name), "password");
        await audit.LoginAsync(name, true, "password", cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
