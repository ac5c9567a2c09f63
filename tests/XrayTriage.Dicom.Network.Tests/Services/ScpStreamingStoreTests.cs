using System.Net.Sockets;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.Services;

/// <summary>The SCP writes a data set into an <see cref="IStreamingStoreHandler"/>'s target while it arrives.</summary>
public sealed class ScpStreamingStoreTests
{
    [Fact]
    public async Task StoreAsync_StreamingHandler_GetsEveryFragmentInOrderThenCompletesAndDisposes()
    {
        var handler = new RecordingStreamingHandler(DimseStatus.Success);
        await using var fixture = new ScpFixture(handler);
        var payload = new byte[300_001];
        new Random(5).NextBytes(payload);
        CStoreResponse response;
        await using (var scu = await fixture.ConnectAsync())
        {
            // 16 KiB PDUs from a stream that hands out 777 bytes per read: the fragments fall anywhere in the data set.
            response = await scu.StoreAsync(
                ScpFixture.CrImage, "1.2.3.4", ScpFixture.ExplicitLittle, new TricklingStream(payload, 777), CancellationToken.None);
            await scu.ReleaseAsync(CancellationToken.None);
        }

        Assert.Equal(DimseStatus.Success, response.Status);
        var target = Assert.Single(handler.Targets);
        Assert.Equal(payload, target.Data);
        Assert.True(target.Fragments > 1, $"{target.Fragments} fragment(s)");
        Assert.True(target.Completed);
        Assert.True(target.Disposed);
        Assert.Equal("1.2.3.4", target.Request.Command.AffectedSopInstanceUid);
        Assert.Equal(0, handler.BufferedCalls);
    }

    [Fact]
    public async Task AbortMidTransfer_StreamingTarget_DisposedWithoutCompletion()
    {
        var handler = new RecordingStreamingHandler(DimseStatus.Success);
        await using var fixture = new ScpFixture(handler);
        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", fixture.Port);
            var stream = client.GetStream();
            await PduWriter.WriteAsync(stream, new AAssociateRqPdu
            {
                CalledAeTitle = "XRAYTRIAGE",
                CallingAeTitle = "MODALITY",
                PresentationContexts = [new PresentationContextRequest(3, ScpFixture.CrImage, [ScpFixture.ExplicitLittle])],
                UserInformation = new UserInformation { MaximumLength = 16384, ImplementationClassUid = "1.2.3" },
            }, CancellationToken.None);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            Assert.IsType<AAssociateAcPdu>(await new PduReader(stream).ReadAsync(timeout.Token));
            var command = DimseCommandCodec.Encode(new CStoreRequest(1, ScpFixture.CrImage, "1.2.3"));
            await PDataFragmenter.WriteAsync(stream, 3, isCommand: true, new MemoryStream(command), 16384, CancellationToken.None);
            await PduWriter.WriteAsync(
                stream, new PDataTfPdu([new PresentationDataValue(3, false, false, new byte[5000])]), CancellationToken.None);
            await PduWriter.WriteAsync(stream, new AAbortPdu(AbortSource.ServiceUser), CancellationToken.None);
        }

        await fixture.WaitForEndedAsync(1);
        var target = Assert.Single(handler.Targets);
        Assert.Equal(5000, target.Data.Length);
        Assert.False(target.Completed);
        Assert.True(target.Disposed);
    }

    [Theory]
    [InlineData("begin", "InvalidOperationException")]
    [InlineData("write", "IOException")]
    [InlineData("complete", "InvalidOperationException")]
    public async Task StoreAsync_StreamingHandlerThrows_LoggedAnswered0110AndAssociationGoesOn(string stage, string exceptionType)
    {
        var logger = new RecordingLogger();
        var handler = new RecordingStreamingHandler(DimseStatus.Success, throwAt: stage);
        await using var fixture = new ScpFixture(handler, logger: logger);
        await using var scu = await fixture.ConnectAsync();

        var response = await scu.StoreAsync(
            ScpFixture.CrImage, "1.2.3", ScpFixture.ExplicitLittle, new MemoryStream(new byte[100_000]), CancellationToken.None);

        Assert.Equal(DimseStatus.ProcessingFailure, response.Status);
        Assert.Equal(DimseStatus.Success, await scu.EchoAsync(CancellationToken.None));
        var entry = Assert.Single(logger.Entries, e => e.EventId.Id == 4006);
        Assert.Contains($"({stage})", entry.Message, StringComparison.Ordinal);
        Assert.Contains(exceptionType, entry.Message, StringComparison.Ordinal);
        Assert.Contains("MODALITY", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DOE^JANE", entry.Message, StringComparison.Ordinal);
        Assert.All(handler.Targets, t => Assert.True(t.Disposed));
    }

    [Fact]
    public async Task StoreAsync_BufferedHandlerThrows_LoggedWithTypeAndAnswered0110()
    {
        var logger = new RecordingLogger();
        await using var fixture = new ScpFixture(new RecordingStoreHandler(DimseStatus.Success, throws: true), logger: logger);
        await using var scu = await fixture.ConnectAsync();

        var response = await scu.StoreAsync(
            ScpFixture.CrImage, "1.2.3", ScpFixture.ExplicitLittle, new MemoryStream(new byte[10]), CancellationToken.None);

        Assert.Equal(DimseStatus.ProcessingFailure, response.Status);
        var entry = Assert.Single(logger.Entries, e => e.EventId.Id == 4006);
        Assert.Contains("InvalidOperationException", entry.Message, StringComparison.Ordinal);
        Assert.Contains(ScpFixture.CrImage, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("DOE^JANE", entry.Message, StringComparison.Ordinal);
    }
}
