using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace XrayTriage.Web.Pages.Account;

/// <summary>Starts the OpenID Connect sign-in (a GET link, so the CSP's form-action does not block the redirect).</summary>
internal sealed class SsoModel(IAuthenticationSchemeProvider schemes) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (await schemes.GetSchemeAsync(WebRegistration.OidcScheme) is null)
        {
            return NotFound();
        }

        var target = returnUrl is not null && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
        return Challenge(new AuthenticationProperties { RedirectUri = target }, WebRegistration.OidcScheme);
    }
}
