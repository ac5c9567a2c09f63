using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Persistence;
using XrayTriage.Web.Options;

namespace XrayTriage.Web.Upload;

/// <summary>Stores an uploaded DICOM file as a study only when the user asks, by C-STORE to this service's own DICOM
/// listener: spool, database record, eligibility, triage, settling and reports then happen exactly as for a film from a
/// modality (the web stage writes no spool file and no instance row itself). The calling AE title is
/// <c>Web:StoreCallingAeTitle</c>; an allow-list on the listener must include it.</summary>
internal sealed class UploadStore(
    UploadListener listener,
    IOptions<WebOptions> options,
    IDbContextFactory<TriageDbContext> contextFactory,
    WebAudit audit)
{

    /// <summary>The study the instance landed in, or an error message for the page.</summary>
    public async Task<(long? StudyId, string? Error)> StoreAsync(byte[] content, string user, CancellationToken cancellationToken)
    {
        if (listener.RequiresTls)
        {
            return (null, "Storing uploads is not available while the DICOM listener requires TLS; "
                + "send the file from a DICOM node instead.");
        }

        DicomFile file;
        using (var stream = new MemoryStream(content, writable: false))
        {
            file = DicomFile.Open(stream);
        }

        var scuOptions = new DicomScuOptions
        {
            Host = listener.Host,
            Port = listener.Port,
            CallingAeTitle = options.Value.StoreCallingAeTitle,
            CalledAeTitle = listener.CalledAeTitle,
        };
        try
        {
            await using var scu = await DicomScu.ConnectAsync(scuOptions, DicomScu.ProposeContexts([file]), null, cancellationToken);
            var response = await scu.StoreAsync(file, cancellationToken);
            await scu.ReleaseAsync(cancellationToken);
            if (response.Status.IsFailure)
            {
                return (null, $"The DICOM listener refused the file: {response.Status}.");
            }

            if (response.AffectedSopInstanceUid is not { Length: > 0 } uid)
            {
                return (null, null);
            }

            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            var study = await context.Instances.AsNoTracking().Where(i => i.SopInstanceUid == uid)
                .Select(i => new { i.StudyId, i.Study!.StudyInstanceUid }).FirstOrDefaultAsync(cancellationToken);
            if (study is null)
            {
                return (null, null);
            }

            await audit.ImportAsync(
                user, study.StudyId, study.StudyInstanceUid, "uploaded DICOM file stored through the DICOM listener", cancellationToken);
            return (study.StudyId, null);
        }
        catch (DicomNetworkException ex)
        {
            return (null, "Could not store the file through the DICOM listener: " + ex.Message.ReplaceLineEndings(" "));
        }
    }
}
