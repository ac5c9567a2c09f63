using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using XrayTriage.Core;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Inference;
using XrayTriage.Web.Api;
using XrayTriage.Web.Options;
using XrayTriage.Web.Upload;

namespace XrayTriage.Web.Pages;

/// <summary>Upload → prediction + heatmap, in memory only (antiforgery-checked multipart POST, size-limited).</summary>
internal sealed class UploadModel(IServiceProvider services, IOptions<WebOptions> options, ILogger<UploadModel> logger) : PageModel
{
    internal UploadResult? Result { get; private set; }

    public string? Error { get; private set; }

    public long? StoredStudyId { get; private set; }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, bool store, CancellationToken cancellationToken)
    {
        var user = UserNames.Of(User);
        if (file is null || file.Length == 0)
        {
            Error = "Choose a PNG, JPEG or DICOM file.";
            return Page();
        }

        if (file.Length > options.Value.MaxUploadBytes)
        {
            Error = $"The file is larger than the {options.Value.MaxUploadBytes / (1024 * 1024)} MiB this page accepts.";
            return Page();
        }

        if (services.GetService<UploadInputs>() is null)
        {
            Error = "Classification is not available in this process.";
            return Page();
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        try
        {
            var started = TimeProvider.System.GetTimestamp();
            Result = await services.GetRequiredService<UploadClassifier>().ClassifyAsync(content, cancellationToken);
            Log.UploadClassified(logger, LogText.Escape(user), Result.Format, Result.Width, Result.Height, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            if (store && Result.Format != "DICOM")
            {
                Error = "Only DICOM files can be stored as a study: a PNG or JPEG carries no patient or study identity.";
            }
            else if (store)
            {
                (StoredStudyId, Error) = await services.GetRequiredService<UploadStore>().StoreAsync(content, user, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DicomParseException or ImagingException or InferenceException or NotSupportedException or InvalidDataException)
        {
            Log.UploadFailed(logger, LogText.Escape(user), ex.GetType().Name);
            Error = "This file could not be read as a PNG, JPEG or DICOM image: " + ex.Message.ReplaceLineEndings(" ");
        }

        return Page();
    }
}
