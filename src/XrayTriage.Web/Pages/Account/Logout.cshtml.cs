using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using XrayTriage.Core;

namespace XrayTriage.Web.Pages.Account;

/// <summary>Sign-out is a POST with an antiforgery token (a link could be triggered by another site).</summary>
internal sealed class LogoutModel(SignInManager<IdentityUser> signIn, WebAudit audit, ILogger<LogoutModel> logger) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var name = User.Identity.Name ?? "(unnamed)";
            await signIn.SignOutAsync();
            Log.SignedOut(logger, LogText.Escape(name));
            await audit.LogoutAsync(name, cancellationToken);
        }

        return Page();
    }
}
