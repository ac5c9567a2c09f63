using XrayTriage.Core.Pipeline.Reports;
using XrayTriage.Dicom;

namespace XrayTriage.Reporting.Delivery;

internal sealed partial class ReportPackageBuilder
{
    private static List<DicomFile> BuildCaptures(ReportContent content) => [];
}
