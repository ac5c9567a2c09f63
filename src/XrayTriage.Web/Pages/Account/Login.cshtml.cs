using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;

namespace XrayTriage.Web.Pages.Account;

/// <summary>Local accounts: user name and password (Identity, lockout after repeated failures). Every attempt is audited.</summary>
internal sealed class LoginModel(SignInManager<IdentityUser> signIn, IAuthenticationSchemeProvider schemes, WebAudit audit, ILogger<LoginModel> logger) : PageModel
{
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

        var result = await signIn.PasswordSignInAsync(name, Password, isPersistent: false, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var reason = result.IsLockedOut ? "locked out or disabled" : result.IsNotAllowed ? "not allowed" : "wrong user name or password";
            Log.SignInFailed(logger, name, reason);
            await audit.LoginAsync(name, false, $"password: {reason}", cancellationToken);
            Error = result.IsLockedOut ? "This account is locked or disabled. Ask an administrator." : "Wrong user name or password.";
            return Page();
        }

        Log.SignedIn(logger, name, "password");
        await audit.LoginAsync(name, true, "password", cancellationToken);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
