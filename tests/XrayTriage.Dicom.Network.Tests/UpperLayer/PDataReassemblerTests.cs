using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Tests.UpperLayer;

public sealed class PDataReassemblerTests
{
    private static PresentationDataValue Command(byte[] data, bool last, byte context = 1) => new(context, true, last, data);

    private static PresentationDataValue Data(byte[] data, bool last, byte context = 1) => new(context, false, last, data);

    [Fact]
    public async Task AppendAsync_CommandInThreeFragments_CompletesWithConcatenation()
    {
        await using var reassembler = new PDataReassembler();
        Assert.Equal(ReassemblyStatus.NeedMore, await reassembler.AppendAsync(Command([1, 2], false), CancellationToken.None));
        Assert.Equal(ReassemblyStatus.NeedMore, await reassembler.AppendAsync(Command([3], false), CancellationToken.None));
        Assert.Equal(ReassemblyStatus.CommandComplete, await reassembler.AppendAsync(Command([4, 5], true), CancellationToken.None));
        Assert.Equal(new byte[] { 1, 2, 3, 4, 5 }, reassembler.Command.ToArray());
        Assert.Equal(1, reassembler.PresentationContextId);
    }

    [Fact]
    public async Task AppendAsync_SmallDataSet_StaysInMemory()
    {
        await using var reassembler = new PDataReassembler(new ReassemblyOptions { MemoryThreshold = 16 });
        await reassembler.AppendAsync(Command([9], true), CancellationToken.None);
        Assert.Equal(ReassemblyStatus.DataSetComplete, await reassembler.AppendAsync(Data(new byte[16], true), CancellationToken.None));
        Assert.False(reassembler.IsDataSetFileBacked);
        await using var stream = reassembler.TakeDataSet();
        Assert.Equal(16, stream.Length);
    }

    [Fact]
    public async Task AppendAsync_DataSetPastThreshold_SpillsToTemporaryFileDeletedOnDispose()
    {
        var directory = Directory.CreateTempSubdirectory("xt-reassembly-");
        try
        {
            await using var reassembler = new PDataReassembler(
                new ReassemblyOptions { MemoryThreshold = 16, TemporaryDirectory = directory.FullName });
            await reassembler.AppendAsync(Command([9], true), CancellationToken.None);
            await reassembler.AppendAsync(Data(new byte[10], false), CancellationToken.None);
            Assert.False(reassembler.IsDataSetFileBacked);
            await reassembler.AppendAsync(Data(Enumerable.Repeat((byte)7, 10).ToArray(), true), CancellationToken.None);
            Assert.True(reassembler.IsDataSetFileBacked);
            Assert.Single(directory.GetFiles());
            var stream = reassembler.TakeDataSet();
            var bytes = new byte[20];
            await stream.ReadExactlyAsync(bytes);
            Assert.Equal(Enumerable.Repeat((byte)0, 10).Concat(Enumerable.Repeat((byte)7, 10)), bytes);
            await stream.DisposeAsync();
            Assert.Empty(directory.GetFiles());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AppendAsync_TwoMessages_ReassemblesEach()
    {
        await using var reassembler = new PDataReassembler();
        await reassembler.AppendAsync(Command([1], true), CancellationToken.None);
        await reassembler.AppendAsync(Data([2], true), CancellationToken.None);
        await using (var first = reassembler.TakeDataSet())
        {
            Assert.Equal(1, first.Length);
        }

        Assert.Equal(
            ReassemblyStatus.CommandComplete,
            await reassembler.AppendAsync(Command([3, 3], true, context: 3), CancellationToken.None));
        Assert.Equal(new byte[] { 3, 3 }, reassembler.Command.ToArray());
        Assert.Equal(ReassemblyStatus.CommandComplete, await reassembler.AppendAsync(Command([4], true), CancellationToken.None));
    }

    [Fact]
    public async Task AppendAsync_DataBeforeCommand_Throws()
    {
        await using var reassembler = new PDataReassembler();
        var ex = await Assert.ThrowsAsync<DicomNetworkException>(
            () => reassembler.AppendAsync(Data([1], true), CancellationToken.None).AsTask());
        Assert.Equal(AbortReason.UnexpectedPduParameter, ex.AbortReason);
    }

    [Fact]
    public async Task AppendAsync_CommandInsideDataSet_Throws()
    {
        await using var reassembler = new PDataReassembler();
        await reassembler.AppendAsync(Command([1], true), CancellationToken.None);
        await reassembler.AppendAsync(Data([1], false), CancellationToken.None);
        await Assert.ThrowsAsync<DicomNetworkException>(() => reassembler.AppendAsync(Command([1], true), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task AppendAsync_ContextChangesMidMessage_Throws()
    {
        await using var reassembler = new PDataReassembler();
        await reassembler.AppendAsync(Command([1], false), CancellationToken.None);
        await Assert.ThrowsAsync<DicomNetworkException>(
            () => reassembler.AppendAsync(Command([1], true, context: 3), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task AppendAsync_CommandOverLimit_Throws()
    {
        await using var reassembler = new PDataReassembler(new ReassemblyOptions { MaxCommandLength = 4 });
        await reassembler.AppendAsync(Command([1, 2, 3], false), CancellationToken.None);
        await Assert.ThrowsAsync<DicomNetworkException>(
            () => reassembler.AppendAsync(Command([4, 5], true), CancellationToken.None).AsTask());
    }

    [Fact]
    public async Task AppendAsync_DataSetOverLimit_Throws()
    {
        await using var reassembler = new PDataReassembler(new ReassemblyOptions { MaxDataSetLength = 4 });
        await reassembler.AppendAsync(Command([1], true), CancellationToken.None);
        await reassembler.AppendAsync(Data([1, 2, 3], false), CancellationToken.None);
        await Assert.ThrowsAsync<DicomNetworkException>(() => reassembler.AppendAsync(Data([4, 5], true), CancellationToken.None).AsTask());
    }
}
