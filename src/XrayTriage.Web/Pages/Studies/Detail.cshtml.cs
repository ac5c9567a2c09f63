using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Logging;
using XrayTriage.Core.Pipeline;
using XrayTriage.Web.Api;
using XrayTriage.Core;
using XrayTriage.Web.Data;

namespace XrayTriage.Web.Pages.Studies;

/// <summary>One study: images, heatmaps, probabilities, model version, report deliveries, and the radiologist's
/// acknowledge/raise actions (antiforgery-checked POSTs). Every view is audited (DICOM Instances Accessed, actor = the
/// user, subject = the study's id and UID).</summary>
internal sealed class DetailModel(StudyQuery studies, PriorityActions actions, WebAudit audit, ILogger<DetailModel> logger) : PageModel
{
    internal StudyDetail? Study { get; private set; }

    [TempData]
    public string? Message { get; set; }

    /// <summary>The priorities above the study's current one, most urgent first.</summary>
    public IEnumerable<string> HigherPriorities
    {
        get
        {
            var current = Study?.Study.Priority;
            string[] order = ["urgent", "routine", "not-assessable"];
            var index = Array.IndexOf(order, current);
            return index < 0 ? order : order[..index];
        }
    }

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

    public async Task<IActionResult> OnPostAcknowledgeAsync(long id, CancellationToken cancellationToken)
        => Outcome(id, await actions.AcknowledgeAsync(id, UserNames.Of(User), cancellationToken), "Acknowledged.");

    public async Task<IActionResult> OnPostRaiseAsync(long id, string? priority, CancellationToken cancellationToken)
    {
        if (!TriagePriorityNames.TryParse(priority, out var parsed) || parsed is null)
        {
            Message = "Choose urgent, routine or not-assessable.";
            return RedirectToPage(new { id });
        }

        var result = await actions.RaiseAsync(id, parsed.Value, UserNames.Of(User), cancellationToken);
        if (result == PriorityActionResult.Done)
        {
            Log.PrioritySet(logger, LogText.Escape(UserNames.Of(User)), id, parsed.ToWireName());
        }

        return Outcome(id, result, $"Priority raised to {priority}.");
    }

    private IActionResult Outcome(long id, PriorityActionResult result, string done)
    {
        if (result == PriorityActionResult.NotFound)
        {
            return NotFound();
        }

        Message = result switch
        {
            PriorityActionResult.Done => done,
            PriorityActionResult.NotHigher => "Priorities are only raised: that is not above the current priority.",
            _ => "Someone else changed this study meanwhile; the page shows the current state.",
        };
        return RedirectToPage(new { id });
    }
}
