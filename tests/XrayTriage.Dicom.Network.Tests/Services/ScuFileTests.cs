using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Dicom.Network.Tests.Services;

public sealed class ScuFileTests
{
    private static DicomFile CrFile(string instance, TransferSyntax syntax)
    {
        var dataset = new DicomDataset();
        dataset.Add(DicomTags.SOPClassUID, DicomVR.UI, ScpFixture.CrImage);
        dataset.Add(DicomTags.SOPInstanceUID, DicomVR.UI, instance);
        dataset.Add(DicomTags.PatientID, DicomVR.LO, "TEST-1");
        dataset.Add(DicomTags.Rows, (ushort)4);
        dataset.AddOrUpdate(DicomTags.PixelData, DicomVR.OW, Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());
        return new DicomFile(dataset, syntax);
    }

    [Fact]
    public void ProposeContexts_UncompressedAndCompressedFiles_OffersOnlyLosslessAlternatives()
    {
        var contexts = DicomScu.ProposeContexts(
        [
            CrFile("1.2.1", TransferSyntax.ImplicitVRLittleEndian),
            CrFile("1.2.2", TransferSyntax.ImplicitVRLittleEndian),
            CrFile("1.2.3", TransferSyntax.JpegBaseline8Bit),
        ]);
        Assert.Equal([1, 3, 5], contexts.Select(c => (int)c.Id));
        Assert.Equal(CEchoRequest.Verification, contexts[0].AbstractSyntax);
        Assert.Equal([ScpFixture.ImplicitLittle, ScpFixture.ExplicitLittle], contexts[1].TransferSyntaxes);
        Assert.Equal([TransferSyntax.JpegBaseline8Bit.Uid.Value], contexts[2].TransferSyntaxes);
    }

    [Fact]
    public async Task StoreAsync_ImplicitFileToExplicitOnlyPeer_ReencodesLosslessly()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success));
        var file = CrFile("1.2.9", TransferSyntax.ImplicitVRLittleEndian);
        await using (var scu = await DicomScu.ConnectAsync(
            fixture.ScuOptions(), DicomScu.ProposeContexts([file]), null, CancellationToken.None))
        {
            var response = await scu.StoreAsync(file, CancellationToken.None);
            Assert.Equal(DimseStatus.Success, response.Status);
            await scu.ReleaseAsync(CancellationToken.None);
        }

        var (request, data, _) = Assert.Single(fixture.Handler.Received);
        Assert.Equal(ScpFixture.ExplicitLittle, request.TransferSyntaxUid);
        var received = DicomReader.ReadDataset(data, TransferSyntax.ExplicitVRLittleEndian);
        Assert.Equal("TEST-1", received.GetString(DicomTags.PatientID));
        Assert.Equal(4, received.GetUInt16(DicomTags.Rows));
        Assert.Equal(
            DicomDatasetWriter.ToArray(file.Dataset, TransferSyntax.ExplicitVRLittleEndian),
            data);
    }

    [Fact]
    public async Task StoreAsync_CompressedFileAndNoMatchingContext_FailsPermanentlyWithoutStripping()
    {
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success));
        var file = CrFile("1.2.10", TransferSyntax.JpegBaseline8Bit);
        await using var scu = await DicomScu.ConnectAsync(
            fixture.ScuOptions(), DicomScu.ProposeContexts([file]), null, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<DicomNetworkException>(() => scu.StoreAsync(file, CancellationToken.None));
        Assert.False(ex.IsTransient);
        Assert.Contains("without transcoding", ex.Message, StringComparison.Ordinal);
        Assert.Empty(fixture.Handler.Received);
        Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
    }
}
