using XrayTriage.Dicom;
using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Testing;

namespace XrayTriage.Ingest.Tests.Regressions;

/// <summary>Issue 17 item 7: a SOP Instance UID with an empty component ("1.2.840.10008..1") was acknowledged and
/// spooled under that name, and a C-STORE whose Affected SOP Instance UID differed from the data set's was
/// acknowledged with the row naming one instance and the spool file holding the other. Both are refused with C000
/// and leave nothing behind (README: invalid UID → C000). Sent with our SCU, which lets the command and the data
/// set disagree; the data set is built with our writer.</summary>
[Collection(SharedPostgres.Name)]
public sealed class StoreUidChecksTests(PostgresFixture postgres)
{
    private const string SopClass = "1.2.840.10008.5.1.4.1.1.1";
    private const string ExplicitLittleEndian = "1.2.840.10008.1.2.1";

    [Theory]
    [InlineData("1.2.840.10008..1", "1.2.840.10008..1")]
    [InlineData("1.2.826.0.1.3680043.2.1143.17.1", "1.2.826.0.1.3680043.2.1143.17.2")]
    public async Task StoreAsync_InvalidOrMismatchedSopInstanceUid_RefusedC000NothingRecorded(string commandUid, string dataSetUid)
    {
        await using var ingest = await IngestHost.StartAsync(postgres);

        var status = await StoreAsync(ingest, commandUid, dataSetUid);

        Assert.Equal(DimseStatus.CannotUnderstand.Code, status.Code);
        Assert.Equal(0, await ingest.CountAsync("SELECT count(*) FROM triage.instances"));
        Assert.Empty(ingest.SpoolFiles());
        Assert.Empty(ingest.IncomingFiles());
    }

    [Fact]
    public async Task StoreAsync_ValidMatchingSopInstanceUid_Recorded()
    {
        await using var ingest = await IngestHost.StartAsync(postgres);

        var status = await StoreAsync(ingest, "1.2.826.0.1.3680043.2.1143.17.3", "1.2.826.0.1.3680043.2.1143.17.3");

        Assert.Equal(DimseStatus.Success.Code, status.Code);
        Assert.Equal(1, await ingest.CountAsync(
            "SELECT count(*) FROM triage.instances WHERE sop_instance_uid = '1.2.826.0.1.3680043.2.1143.17.3'"));
        Assert.Single(ingest.SpoolFiles());
    }

    private static async Task<DimseStatus> StoreAsync(IngestHost ingest, string commandUid, string dataSetUid)
    {
        var dataset = new DicomDataset()
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, SopClass)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, dataSetUid)
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1143.17.10")
            .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, "1.2.826.0.1.3680043.2.1143.17.11")
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, "CR");
        using var encoded = new MemoryStream(DicomDatasetWriter.ToArray(dataset, TransferSyntax.ExplicitVRLittleEndian), writable: false);
        await using var scu = await DicomScu.ConnectAsync(
            new DicomScuOptions
            {
                Host = "127.0.0.1", Port = ingest.Port, CallingAeTitle = IngestHost.CallingAeTitle, CalledAeTitle = IngestHost.AeTitle,
            },
            [new PresentationContextRequest(1, SopClass, [ExplicitLittleEndian])], null, CancellationToken.None);
        var response = await scu.StoreAsync(SopClass, commandUid, ExplicitLittleEndian, encoded, CancellationToken.None);
        await scu.ReleaseAsync(CancellationToken.None);
        return response.Status;
    }
}
