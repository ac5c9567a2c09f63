using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Security.Cryptography;
using XrayTriage.Core.Pipeline;
using XrayTriage.Dicom;
using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Testing;

namespace XrayTriage.Ingest.Tests;

/// <summary>DCMTK pushes into the ingest stage (AddPersistence + AddIngest on a generic host) and real PostgreSQL.</summary>
[Collection(SharedPostgres.Name)]
public sealed class IngestStoreTests(PostgresFixture postgres)
{
    [Fact]
    public async Task Dcmsend_ChestSamples_RecordedReceivedEligibleWithMatchingSpoolFiles()
    {
        // The two Secondary Captures among the chest samples count only where a site enables them.
        var signal = new CountingTriageSignal();
        await using var ingest = await IngestHost.StartAsync(
            postgres,
            eligibility: new EligibilityOptions { AllowSecondaryCapture = true },
            services: s => s.AddSingleton<ITriageSignal>(signal));
        var sent = Samples.AllChest;

        var send = await ingest.DcmsendAsync(sent);

        var output = send.EnsureSuccess("dcmsend").StandardOutput + send.StandardError;
        Assert.Contains($"with status SUCCESS  : {sent.Length}", output, StringComparison.Ordinal);
        var rows = await ingest.QueryAsync(
            "SELECT i.state, i.eligibility, i.skip_reason, i.spool_path, i.size_bytes, i.sha256, i.calling_ae_title, " +
            "s.study_instance_uid, s.modality " +
            "FROM triage.instances i JOIN triage.studies s ON s.id = i.study_id");
        Assert.Equal(sent.Length, rows.Count);
        foreach (var row in rows)
        {
            Assert.Equal("Received", row["state"]);
            Assert.Equal("Eligible", row["eligibility"]);
            Assert.Null(row["skip_reason"]);
            Assert.Equal(IngestHost.CallingAeTitle, row["calling_ae_title"]);
            Assert.NotNull(row["study_instance_uid"]);
            Assert.Matches("^(CR|DX)$", (string)row["modality"]!);
            var path = (string)row["spool_path"]!;
            Assert.StartsWith(ingest.SpoolPath + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
            Assert.True(File.Exists(path), $"spool file {path} is missing");
            await using var file = File.OpenRead(path);
            Assert.Equal((long)row["size_bytes"]!, file.Length);
            Assert.Equal((string)row["sha256"]!, Convert.ToHexStringLower(await SHA256.HashDataAsync(file)));
        }

        Assert.Equal(sent.Length, ingest.SpoolFiles().Length);
        Assert.Empty(ingest.IncomingFiles());
        Assert.Equal(sent.Length, signal.Count);
        Assert.Equal(sent.Length, await ingest.CountAsync(
            "SELECT count(*) FROM triage.audit_events WHERE event_id = 'DicomInstancesTransferred' AND outcome = 'Success' " +
            $"AND actor = '{IngestHost.CallingAeTitle}' AND detail = '{IngestAudit.ReceivedDetail}'"));
    }

    [Fact]
    public async Task Storescu_SpooledFile_IsPart10WithTheSentDataSet()
    {
        await using var ingest = await IngestHost.StartAsync(postgres);

        var store = await ingest.StorescuAsync(Samples.UncompressedChest);

        store.EnsureSuccess("storescu");
        var spooled = Assert.Single(ingest.SpoolFiles());
        var dump = await PeerTools.RunAsync(
            "dcmdump", ["+P", "0002,0010", "+P", "0008,0018", "+P", "0002,0016", spooled], TimeSpan.FromSeconds(30));
        var text = dump.EnsureSuccess("dcmdump").StandardOutput;
        Assert.Contains("=LittleEndianImplicit", text, StringComparison.Ordinal);
        Assert.Contains(IngestHost.CallingAeTitle, text, StringComparison.Ordinal);
        Assert.Matches(@"[/\\]\d{4}[/\\]\d{2}[/\\]\d{2}[/\\][0-9.]+\.dcm$", spooled);
    }

    [Fact]
    public async Task Storescu_NonChestSample_SkippedWithReasonAndAcknowledged()
    {
        await using var ingest = await IngestHost.StartAsync(postgres);

        var store = await ingest.StorescuAsync(Samples.Extremity);

        var output = store.EnsureSuccess("storescu").StandardOutput + store.StandardError;
        Assert.Contains("Received Store Response (Success)", output, StringComparison.Ordinal);
        var row = Assert.Single(await ingest.QueryAsync("SELECT state, eligibility, skip_reason FROM triage.instances"));
        Assert.Equal("Skipped", row["state"]);
        Assert.Equal("Skipped", row["eligibility"]);
        Assert.StartsWith(
            $"{EligibilityReason.BodyPartNotChest}: Body Part Examined is EXTREMITY",
            (string)row["skip_reason"]!,
            StringComparison.Ordinal);
        Assert.Equal(1, await ingest.CountAsync(
            "SELECT count(*) FROM triage.audit_events WHERE outcome = 'Success' " +
            $"AND detail LIKE '{IngestAudit.SkippedPrefix}{EligibilityReason.BodyPartNotChest}%'"));
        Assert.Single(ingest.SpoolFiles());
    }

    [Fact]
    public async Task Storescu_SecondaryCaptureByDefault_SkippedAsDisabled()
    {
        await using var ingest = await IngestHost.StartAsync(postgres);

        var store = await ingest.StorescuAsync(Samples.UncompressedChest);

        store.EnsureSuccess("storescu");
        var row = Assert.Single(await ingest.QueryAsync("SELECT state, skip_reason FROM triage.instances"));
        Assert.Equal("Skipped", row["state"]);
        Assert.StartsWith(nameof(EligibilityReason.SecondaryCaptureDisabled), (string)row["skip_reason"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Storescu_SameFileTwice_OneRowOneSpoolFileBothAcknowledged()
    {
        await using var ingest = await IngestHost.StartAsync(postgres);

        var first = await ingest.StorescuAsync(Samples.Extremity);
        var second = await ingest.StorescuAsync(Samples.Extremity);

        foreach (var result in new[] { first, second })
        {
            Assert.Contains(
                "Received Store Response (Success)",
                result.EnsureSuccess("storescu").StandardOutput + result.StandardError,
                StringComparison.Ordinal);
        }

        var row = Assert.Single(await ingest.QueryAsync("SELECT spool_path FROM triage.instances"));
        Assert.Equal(1, await ingest.CountAsync("SELECT image_count::bigint FROM triage.studies"));
        var spooled = Assert.Single(ingest.SpoolFiles());
        Assert.Equal((string)row["spool_path"]!, spooled);
        Assert.Equal(1, await ingest.CountAsync(
            $"SELECT count(*) FROM triage.audit_events WHERE detail LIKE '{IngestAudit.DuplicatePrefix}%'"));
    }

    [Fact]
    public async Task Storescu_SameInstanceOnTwoAssociationsAtOnce_OneRowOneSpoolFile()
    {
        await using var ingest = await IngestHost.StartAsync(postgres);

        var results = await Task.WhenAll(ingest.StorescuAsync(Samples.Extremity), ingest.StorescuAsync(Samples.Extremity));

        foreach (var result in results)
        {
            Assert.Contains(
                "Received Store Response (Success)",
                result.EnsureSuccess("storescu").StandardOutput + result.StandardError,
                StringComparison.Ordinal);
        }

        var row = Assert.Single(await ingest.QueryAsync("SELECT spool_path FROM triage.instances"));
        Assert.Equal((string)row["spool_path"]!, Assert.Single(ingest.SpoolFiles()));
    }

    [Fact]
    public async Task Echoscu_ToIngest_Succeeds()
    {
        await using var ingest = await IngestHost.StartAsync(postgres);

        var echo = await PeerTools.RunAsync("echoscu",
            [
                "-v", "-aet", IngestHost.CallingAeTitle, "-aec", IngestHost.AeTitle, "127.0.0.1",
                ingest.Port.ToString(CultureInfo.InvariantCulture),
            ],
            TimeSpan.FromSeconds(30));

        echo.EnsureSuccess("echoscu");
    }

    [Fact]
    public async Task Storescu_CallingAeNotInAllowList_AssociationRejectedNothingStored()
    {
        await using var ingest = await IngestHost.StartAsync(
            postgres, new Dictionary<string, string?> { ["Dicom:AllowedCallingAeTitles:0"] = "OTHERCR" });

        var store = await ingest.StorescuAsync(Samples.Extremity);

        Assert.False(store.Succeeded);
        Assert.Contains("Calling AE Title Not Recognized", store.StandardOutput + store.StandardError, StringComparison.Ordinal);
        Assert.Empty(ingest.SpoolFiles());
    }

    [Fact]
    public async Task Start_IncompleteFilesFromAnEarlierRun_Deleted()
    {
        string? leftover = null;

        await using var ingest = await IngestHost.StartAsync(postgres, beforeStart: spool =>
        {
            var incoming = Path.Combine(spool, InstanceSpool.IncomingFolderName);
            Directory.CreateDirectory(incoming);
            leftover = Path.Combine(incoming, "crashed" + InstanceSpool.TemporarySuffix);
            File.WriteAllBytes(leftover, [1, 2, 3]);
        });

        Assert.False(File.Exists(leftover));
    }

    [Fact]
    public async Task Storescu_DatabaseUnreachable_RefusedA700NoSpoolFileLeft()
    {
        var closed = $"Host=127.0.0.1;Port={FreePort.Next()};Database=xraytriage;Username=xraytriage;Timeout=5";
        await using var ingest = await IngestHost.StartAsync(postgres, connectionString: closed);

        var store = await ingest.StorescuAsync(Samples.Extremity);

        var output = store.StandardOutput + store.StandardError;
        Assert.Contains("Received Store Response (Refused: OutOfResources)", output, StringComparison.Ordinal);
        Assert.Empty(ingest.SpoolFiles());
        Assert.Empty(ingest.IncomingFiles());
        Assert.True(ingest.Services.GetRequiredService<SpoolReadiness>().Check().IsReady);
    }

    [Fact]
    public async Task Storescu_OnlyUndecodableTransferSyntaxProposed_NoAcceptablePresentationContext()
    {
        await using var ingest = await IngestHost.StartAsync(postgres);

        // MPEG-2 only (-xm -R): DCMTK 3.6.7 knows that syntax, we cannot decode it.
        var store = await PeerTools.RunAsync("storescu",
            [
                "-v", "-xm", "-R", "-aet", IngestHost.CallingAeTitle, "-aec", IngestHost.AeTitle, "127.0.0.1",
                ingest.Port.ToString(CultureInfo.InvariantCulture), Samples.Extremity,
            ],
            TimeSpan.FromSeconds(60));

        Assert.False(store.Succeeded);
        Assert.Contains("No Acceptable Presentation Contexts", store.StandardOutput + store.StandardError, StringComparison.Ordinal);
        Assert.Equal(0, await ingest.CountAsync("SELECT count(*) FROM triage.instances"));
        Assert.Empty(ingest.SpoolFiles());
    }

    [Fact]
    public async Task Associate_HtJ2kSample_ContextRejectedTransferSyntaxesNotSupported()
    {
        // DCMTK 3.6.7 does not know HTJ2K (1.2.840.10008.1.2.4.203) and would propose it as Explicit VR Little Endian;
        // our SCU proposes the file's own syntax, as a modality that has HTJ2K would.
        await using var ingest = await IngestHost.StartAsync(postgres);
        var file = DicomFile.Open(Samples.HtJ2k);
        var contexts = DicomScu.ProposeContexts([file]);
        Assert.Equal(["1.2.840.10008.1.2.4.203"], contexts[1].TransferSyntaxes);

        await using var scu = await DicomScu.ConnectAsync(
            new DicomScuOptions
            {
                Host = "127.0.0.1", Port = ingest.Port, CallingAeTitle = IngestHost.CallingAeTitle, CalledAeTitle = IngestHost.AeTitle,
            },
            contexts, null, CancellationToken.None);
        var answer = scu.Accepted.PresentationContexts.Single(c => c.Id == contexts[1].Id);
        await scu.ReleaseAsync(CancellationToken.None);

        Assert.Equal(PresentationContextResult.TransferSyntaxesNotSupported, answer.Result);
        Assert.Equal(0, await ingest.CountAsync("SELECT count(*) FROM triage.instances"));
    }

    private sealed class CountingTriageSignal : ITriageSignal
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Notify() => Interlocked.Increment(ref _count);
    }
}
