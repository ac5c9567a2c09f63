using Microsoft.AspNetCore.Antiforgery;
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

/// <summary>Upload → prediction + heatmap, in memory only (antiforgery-checked multipart POST, size-limited).
/// <c>Web:MaxUploadBytes</c> is the request's real limit (<see cref="UploadBodyLimit"/>): the form is read here rather
/// than by model binding, so an over-limit upload gets this page's message (413) instead of an empty 400; a declared
/// length over the limit is answered before any of the body is read. The antiforgery token is therefore checked here
/// too, once the form is read and before anything is done with it. At most <c>Web:MaxConcurrentUploads</c> uploads, holding
/// at most <c>Web:UploadMemoryBytes</c> of pixels between them, are classified at once (<see cref="UploadGate"/>); one
/// more is answered 503 with the page's "busy" message.</summary>
[IgnoreAntiforgeryToken]
internal sealed class UploadModel(
    IServiceProvider services, IAntiforgery antiforgery, IOptions<WebOptions> options, ILogger<UploadModel> logger)
    : PageModel
{
    internal UploadResult? Result { get; private set; }

    public string? Error { get; private set; }

    public long? StoredStudyId { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = UserNames.Of(User);
        var limit = options.Value.MaxUploadBytes;
        if (Request.ContentLength > limit + UploadBodyLimit.FormOverheadBytes)
        {
            return TooLarge(user, limit);
        }

        IFormCollection form;
        try
        {
            form = await Request.ReadFormAsync(cancellationToken);
            await antiforgery.ValidateRequestAsync(HttpContext);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(user, limit);
        }
        catch (InvalidDataException ex)
        {
            Error = "The upload could not be read as a form: " + ex.Message.ReplaceLineEndings(" ");
            return Page();
        }
        catch (AntiforgeryValidationException)
        {
            return BadRequest();
        }

        var file = form.Files.GetFile("file");
        var store = bool.TryParse(form["store"], out var ticked) && ticked;
        if (file is null || file.Length == 0)
        {
            Error = "Choose a PNG, JPEG or DICOM file.";
            return Page();
        }

        if (file.Length > limit)
        {
            return TooLarge(user, limit);
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

        var needed = UploadClassifier.EstimateBytes(content);
        using var lease = services.GetRequiredService<UploadGate>().TryEnter(needed);
        if (lease is null)
        {
            return Busy(user, needed);
        }

        try
        {
            var started = TimeProvider.System.GetTimestamp();
            Result = await services.GetRequiredService<UploadClassifier>().ClassifyAsync(content, cancellationToken);
            Log.UploadClassified(
                logger,
                LogText.Escape(user),
                Result.Format,
                Result.Width,
                Result.Height,
                TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            if (store && Result.Format != "DICOM")
            {
                Error = "Only DICOM files can be stored as a study: a PNG or JPEG carries no patient or study identity.";
            }
            else if (store)
            {
                (StoredStudyId, Error) = await services.GetRequiredService<UploadStore>().StoreAsync(content, user, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is DicomParseException or ImagingException or InferenceException
            or NotSupportedException or InvalidDataException)
        {
            Log.UploadFailed(logger, LogText.Escape(user), ex.GetType().Name);
            Error = "This file could not be read as a PNG, JPEG or DICOM image: " + ex.Message.ReplaceLineEndings(" ");
        }

        return Page();
    }

    private PageResult Busy(string user, long needed)
    {
        var (running, reserved) = services.GetRequiredService<UploadGate>().State;
        Log.UploadBusy(logger, LogText.Escape(user), running, reserved, options.Value.UploadMemoryBytes, needed);
        Error = $"The server is busy classifying {running} other upload(s); try again in a moment.";
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = "5";
        return Page();
    }

    private PageResult TooLarge(string user, long limit)
    {
        Log.UploadTooLarge(logger, LogText.Escape(user), Request.ContentLength, limit);
        Error = $"The file is larger than the {limit / (1024 * 1024)} MiB this page accepts.";
        Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return Page();
    }
}
