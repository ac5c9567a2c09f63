using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using XrayTriage.Core;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Testing;

namespace XrayTriage.Ingest.Tests;

/// <summary>Issue 20 item 4: the data set streams straight into the spool file while it arrives, with the same
/// guarantees: acknowledged ⇒ durable, complete, byte-identical and recorded; not completed ⇒ nothing left, nothing recorded.</summary>
[Collection(SharedPostgres.Name)]
public sealed class IngestStreamingTests(PostgresFixture postgres)
{
    internal const string CrImage = "1.2.840.10008.5.1.4.1.1.1";
    internal const string ExplicitLittle = "1.2.840.10008.1.2.1";

    [Fact]
    public async Task Store_LargeInstanceInOddSizedFragments_AcknowledgedFileByteIdenticalAndRecorded()
    {
        // An odd maximum PDU length, so fragment borders fall anywhere in the data set (inside elements, inside Pixel Data).
        await using var ingest = await IngestHost.StartAsync(
            postgres, new Dictionary<string, string?> { ["Dicom:MaxPduLength"] = "16397" });
        var (uid, dataSet) = LargeDataSet(1536, 1536);

        CStoreResponse response;
        await using (var scu = await ConnectAsync(ingest))
        {
            response = await scu.StoreAsync(CrImage, uid, ExplicitLittle, new MemoryStream(dataSet), CancellationToken.None);
            await scu.ReleaseAsync(CancellationToken.None);
        }

        Assert.Equal(DimseStatus.Success, response.Status);
        var row = Assert.Single(await ingest.QueryAsync("SELECT spool_path, size_bytes, sha256 FROM triage.instances"));
        var path = (string)row["spool_path"]!;
        Assert.Equal(path, Assert.Single(ingest.SpoolFiles()));
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.Equal((long)row["size_bytes"]!, bytes.LongLength);
        Assert.Equal((string)row["sha256"]!, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        Assert.Equal("DICM"u8.ToArray(), bytes[128..132]);
        Assert.True(bytes.AsSpan(bytes.Length - dataSet.Length).SequenceEqual(dataSet), "the spooled data set differs from the one sent");
        Assert.Equal(uid, DicomFile.Open(path).Dataset.GetString(DicomTags.SOPInstanceUID));
        Assert.Empty(ingest.IncomingFiles());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Store_TransferEndsMidDataSet_PartialFileRemovedNothingRecordedOrAudited(bool abort)
    {
        var logs = new RecordingLoggerProvider();
        await using var ingest = await IngestHost.StartAsync(postgres, services: s => s.AddLogging(b => b.AddProvider(logs)));
        var (uid, dataSet) = LargeDataSet(1024, 1024);

        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", ingest.Port);
            var stream = client.GetStream();
            await PduWriter.WriteAsync(stream, new AAssociateRqPdu
            {
                CalledAeTitle = IngestHost.AeTitle,
                CallingAeTitle = IngestHost.CallingAeTitle,
                PresentationContexts = [new PresentationContextRequest(1, CrImage, [ExplicitLittle])],
                UserInformation = new UserInformation { MaximumLength = 16384, ImplementationClassUid = "1.2.3" },
            }, CancellationToken.None);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            Assert.IsType<AAssociateAcPdu>(await new PduReader(stream).ReadAsync(timeout.Token));
            var command = DimseCommandCodec.Encode(new CStoreRequest(1, CrImage, uid));
            await PDataFragmenter.WriteAsync(stream, 1, isCommand: true, new MemoryStream(command), 16384, CancellationToken.None);
            var half = dataSet.Length / 2;
            for (var offset = 0; offset < half; offset += 16000)
            {
                var fragment = dataSet.AsMemory(offset, Math.Min(16000, half - offset));
                await PduWriter.WriteAsync(
                    stream, new PDataTfPdu([new PresentationDataValue(1, false, false, fragment)]), CancellationToken.None);
            }

            // Streaming: most of the first half is already in the spool's .incoming folder (the rest in the file's
            // write buffer), not in a buffer of the SCP.
            await WaitUntilAsync(() => ingest.IncomingFiles() is [var partial] && new FileInfo(partial).Length >= half / 2);
            if (abort)
            {
                await PduWriter.WriteAsync(stream, new AAbortPdu(AbortSource.ServiceUser), CancellationToken.None);
            }
        }

        await WaitUntilAsync(() => ingest.IncomingFiles().Length == 0);
        Assert.Empty(ingest.SpoolFiles());
        Assert.Equal(0, await ingest.CountAsync("SELECT count(*) FROM triage.instances"));
        Assert.Equal(0, await ingest.CountAsync("SELECT count(*) FROM triage.audit_events WHERE event_id = 'DicomInstancesTransferred'"));
        Assert.Contains(
            logs.Entries,
            e => e.EventId == EventIdRanges.Ingest + 26 && e.Message.Contains(IngestHost.CallingAeTitle, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Entries, e => e.Message.Contains(uid, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Store_UnexpectedExceptionInTheHandler_LoggedAuditedAndAnswered0110ByIngest()
    {
        // Issue 21 item 1: before, the exception went to the SCP's catch-all: 0110 with no log line and no audit row.
        var logs = new RecordingLoggerProvider();
        await using var ingest = await IngestHost.StartAsync(postgres, services: s =>
        {
            s.AddLogging(b => b.AddProvider(logs));
            s.AddSingleton<ITriageSignal>(new ThrowingTriageSignal());
        });
        var (uid, dataSet) = LargeDataSet(320, 320);

        CStoreResponse response;
        await using (var scu = await ConnectAsync(ingest))
        {
            response = await scu.StoreAsync(CrImage, uid, ExplicitLittle, new MemoryStream(dataSet), CancellationToken.None);
            await scu.ReleaseAsync(CancellationToken.None);
        }

        Assert.Equal(DimseStatus.ProcessingFailure, response.Status);
        var entry = Assert.Single(logs.Entries, e => e.EventId == EventIdRanges.Ingest + 25);
        Assert.Equal(typeof(IngestStoreHandler).FullName, entry.Category);
        Assert.Contains("InvalidOperationException", entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(uid, entry.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Entries, e => e.EventId == 4006);
        Assert.Equal(1, await ingest.CountAsync(
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'DicomInstancesTransferred' AND outcome = 'SeriousFailure' " +
            $"AND detail LIKE '{IngestAudit.RefusedPrefix}%processing failed (InvalidOperationException)'"));
    }

    internal static Task<DicomScu> ConnectAsync(IngestHost ingest) => DicomScu.ConnectAsync(
        new DicomScuOptions
        {
            Host = "127.0.0.1", Port = ingest.Port, CallingAeTitle = IngestHost.CallingAeTitle, CalledAeTitle = IngestHost.AeTitle,
        },
        [new PresentationContextRequest(1, CrImage, [ExplicitLittle])],
        null,
        CancellationToken.None);

    /// <summary>A CR chest image with 16-bit random pixels, encoded Explicit VR Little Endian (no Part 10 header).</summary>
    internal static (string Uid, byte[] DataSet) LargeDataSet(int rows, int columns)
    {
        var uid = "2.25." + BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(8)).ToString(CultureInfo.InvariantCulture);
        var pixels = new byte[rows * columns * 2];
        new Random(rows).NextBytes(pixels);
        var dataset = new DicomDataset()
            .AddOrUpdate(DicomTags.SOPClassUID, DicomVR.UI, CrImage)
            .AddOrUpdate(DicomTags.SOPInstanceUID, DicomVR.UI, uid)
            .AddOrUpdate(DicomTags.StudyInstanceUID, DicomVR.UI, uid + ".1")
            .AddOrUpdate(DicomTags.SeriesInstanceUID, DicomVR.UI, uid + ".2")
            .AddOrUpdate(DicomTags.Modality, DicomVR.CS, "CR")
            .AddOrUpdate(DicomTags.BodyPartExamined, DicomVR.CS, "CHEST")
            .AddOrUpdate(DicomTags.PatientID, DicomVR.LO, "STREAM-TEST")
            .AddOrUpdate(DicomTags.SamplesPerPixel, (ushort)1)
            .AddOrUpdate(DicomTags.PhotometricInterpretation, DicomVR.CS, "MONOCHROME2")
            .AddOrUpdate(DicomTags.Rows, (ushort)rows)
            .AddOrUpdate(DicomTags.Columns, (ushort)columns)
            .AddOrUpdate(DicomTags.BitsAllocated, (ushort)16)
            .AddOrUpdate(DicomTags.BitsStored, (ushort)12)
            .AddOrUpdate(DicomTags.HighBit, (ushort)11)
            .AddOrUpdate(DicomTags.PixelRepresentation, (ushort)0)
            .AddOrUpdate(DicomTags.PixelData, DicomVR.OW, pixels);
        return (uid, DicomDatasetWriter.ToArray(dataset, TransferSyntax.ExplicitVRLittleEndian));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }

    private sealed class ThrowingTriageSignal : ITriageSignal
    {
        public void Notify() => throw new InvalidOperationException("triage signal failed for DOE^JANE");
    }
}
