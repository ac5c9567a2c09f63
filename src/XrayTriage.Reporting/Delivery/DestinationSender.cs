using XrayTriage.Dicom;
using XrayTriage.Dicom.Network;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Reporting.Delivery;

/// <summary>One attempt to store a report package at one destination over one association: the SR, then each
/// Secondary Capture. A destination that accepts the SR but not the Secondary Capture SOP class still counts as
/// delivered (the SR is the report; the image is a courtesy for weak SR viewers) and says so.</summary>
internal sealed class DestinationSender(Destination destination, TimeProvider timeProvider)
{
    public Destination Destination => destination;

    /// <summary>Sends the package; returns how many captures the destination did not take (SOP class refused).</summary>
    /// <exception cref="DeliveryException">A status or a refused context; transient or not.</exception>
    /// <exception cref="DicomNetworkException">The connection or association failed.</exception>
    public async Task<int> SendAsync(ReportPackage package, CancellationToken cancellationToken)
    {
        DicomFile[] files = [package.Report, .. package.Captures];
        var contexts = DicomScu.ProposeContexts(files);
        await using var scu = await DicomScu.ConnectAsync(destination.ScuOptions, contexts, timeProvider, cancellationToken);
        if (!IsAccepted(scu, package.Report))
        {
            throw new DeliveryException(
                $"{destination.Describe()} does not accept the SR SOP class {SopClassOf(package.Report)} "
                + "(set Reporting:SrSopClass to Comprehensive or Enhanced for this PACS)",
                isTransient: false);
        }

        await StoreAsync(scu, package.Report, $"SR of report {package.ReportId}", cancellationToken);
        var refused = 0;
        foreach (var capture in package.Captures)
        {
            if (!IsAccepted(scu, capture))
            {
                refused++;
                continue;
            }

            await StoreAsync(scu, capture, $"heatmap image of report {package.ReportId}", cancellationToken);
        }

        await scu.ReleaseAsync(cancellationToken);
        return refused;
    }

    private static async Task StoreAsync(DicomScu scu, DicomFile file, string what, CancellationToken cancellationToken)
    {
        var response = await scu.StoreAsync(file, cancellationToken);
        if (DeliveryFailures.FromStatus(response.Status, what) is { } failure)
        {
            throw failure;
        }
    }

    private static bool IsAccepted(DicomScu scu, DicomFile file)
    {
        var sopClass = SopClassOf(file);
        return scu.Proposed
            .Where(p => p.AbstractSyntax == sopClass)
            .Any(p => scu.Accepted.PresentationContexts.Any(a => a.Id == p.Id && a.IsAccepted));
    }

    private static string SopClassOf(DicomFile file) => file.Dataset.GetString(DicomTags.SOPClassUID);
}
