using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using XrayTriage.Web.Api;
using XrayTriage.Web.Data;

namespace XrayTriage.Web.Pages.Studies;

/// <summary>One study: images, heatmaps, probabilities, model version, report deliveries. Every view is audited
/// (DICOM Instances Accessed, actor = the user, subject = the study's id and UID).</summary>
internal sealed class DetailModel(StudyQuery studies, WebAudit audit) : PageModel
{
    internal StudyDetail? Study { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        Study = await studies.GetAsync(id, cancellationToken);
        if (Study is null)
        {
            return NotFound();
        }

        await audit.StudyAccessedAsync(UserNames.Of(User), id, Study.Study.StudyInstanceUid,
            $"study page viewed ({Study.Instances.Count} instance(s))", cancellationToken);
        return Page();
    }
}
