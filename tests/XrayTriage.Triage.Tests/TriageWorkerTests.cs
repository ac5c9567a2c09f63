using Microsoft.Extensions.DependencyInjection;
using XrayTriage.Core.Pipeline;
using XrayTriage.Inference;
using XrayTriage.Testing;

namespace XrayTriage.Triage.Tests;

[Collection(TriageEnvironment.Name)]
public sealed class TriageWorkerTests(PostgresFixture postgres, SmokeEnsembleFixture ensemble)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Worker_ChestSamples_EachTriagedOnceWithEnsembleAndMemberFindingsEqualToEngine()
    {
        await using var bed = await TriageTestBed.CreateAsync(postgres, ensemble);
        var files = Directory.GetFiles(TriageTestBed.ChestSamples, "*.dcm").Order(StringComparer.Ordinal).ToList();
        var ids = new Dictionary<long, string>();
        foreach (var file in files)
        {
            ids.Add(await bed.ReceiveAsync(file, study: ids.Count + 1), file);
        }

        var host = await bed.StartHostAsync();
        await bed.WaitUntilSettledAsync(files.Count, Timeout);

        var engine = host.Services.GetRequiredService<EnsembleEngine>();
        var members = engine.Manifest.Members.Select(m => m.Name).ToList();
        Assert.Equal(files.Count, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.inference_runs"));
        foreach (var (id, file) in ids)
        {
            var state = await bed.ColumnAsync(
                "SELECT state || ' ' || coalesce(last_error, '') FROM triage.instances WHERE id = @id", ("id", id));
            Assert.True(state[0] == "Triaged ", $"{Path.GetFileName(file)}: {state[0]}");
            var run = (await bed.RowsAsync(
                "SELECT manifest_name, manifest_version, device_uid, provider, latency_ms FROM triage.inference_runs " +
                "WHERE instance_id = @id",
                ("id", id))).Single();
            Assert.Equal(engine.Manifest.Name, run[0]);
            Assert.Equal(engine.Manifest.Version, run[1]);
            Assert.Equal(engine.Manifest.DeviceUid, run[2]);
            Assert.Equal(engine.ActiveProvider, run[3]);
            Assert.True(Convert.ToDouble(run[4], System.Globalization.CultureInfo.InvariantCulture) > 0);

            var findings = (await bed.RowsAsync("""
                SELECT f.model, f.label, f.probability FROM triage.findings f
                JOIN triage.inference_runs r ON r.id = f.inference_run_id WHERE r.instance_id = @id
                """, ("id", id)))
                .ToDictionary(
                    r => ((string)r[0]!, (string)r[1]!),
                    r => Convert.ToDouble(r[2], System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal((members.Count + 1) * EnsembleLabels.Count, findings.Count);

            var expected = TriageTestBed.Reference(host, file);
            for (var k = 0; k < EnsembleLabels.Count; k++)
            {
                Assert.Equal(expected.Probabilities[k], findings[(FindingProbability.EnsembleModel, EnsembleLabels.All[k])], 1e-6);
                foreach (var member in expected.Members)
                {
                    Assert.Equal(member.Probabilities[k], findings[(member.Member, EnsembleLabels.All[k])], 1e-6);
                }
            }

            var result = (await bed.RowsAsync(
                "SELECT priority, findings_over_threshold, thresholds::text FROM triage.triage_results WHERE instance_id = @id",
                ("id", id))).Single();
            Assert.Equal(expected.Priority.ToString(), result[0]);
            Assert.Equal(expected.Triage.FindingsOverThreshold, (string[])result[1]!);
            foreach (var finding in EnsembleLabels.Findings)
            {
                Assert.Contains($"\"{finding}\"", (string)result[2]!, StringComparison.Ordinal);
            }

            await AssertHeatmapStoredAsync(bed, host, id, file);
        }
    }

    // The stored heatmap is the engine's class activation map at 64 px on the long side, the image's aspect kept,
    // quantized to bytes (±1 for the float differences between a micro-batch and a single prediction).
    private static async Task AssertHeatmapStoredAsync(TriageTestBed bed, Microsoft.Extensions.Hosting.IHost host, long id, string file)
    {
        var stored = (await bed.RowsAsync(
            "SELECT heatmap_width, heatmap_height, heatmap FROM triage.inference_runs WHERE instance_id = @id", ("id", id))).Single();
        var engine = host.Services.GetRequiredService<EnsembleEngine>();
        var inputs = new ModelInputs(engine);
        var image = Imaging.MonochromeImage.Render(Dicom.DicomFile.Open(file), inputs.RenderOptions);
        var width = (int)stored[0]!;
        var height = (int)stored[1]!;
        var bytes = (byte[])stored[2]!;
        Assert.Equal(64, Math.Max(width, height));
        Assert.Equal(image.Width >= image.Height, width >= height);
        Assert.Equal((double)image.Width / image.Height, (double)width / height, 0.05 * width / height);
        Assert.Equal(width * height, bytes.Length);
        Assert.Equal(255, bytes.Max());

        var input = inputs.Build(image) with { Heatmap = StoredHeatmap.SizeFor(image.Width, image.Height) };
        var expected = StoredHeatmap.Quantize(engine.Predict(input).Heatmap!);
        Assert.Equal((expected.Width, expected.Height), (width, height));
        Assert.All(bytes.Zip(expected.Values), pair => Assert.InRange(pair.First - pair.Second, -1, 1));
    }

    [Fact]
    public async Task Worker_TamperedMissingAndCorruptSpoolFiles_FailAfterMaxAttemptsWithReasonWhileOthersTriage()
    {
        await using var bed = await TriageTestBed.CreateAsync(postgres, ensemble);
        var good1 = await bed.ReceiveAsync(TriageTestBed.SmallChest);
        var tampered = await bed.ReceiveAsync(TriageTestBed.SmallChest, study: 2, recordedSha256: new string('0', 64));
        var missing = await bed.ReceiveAsync(TriageTestBed.SmallChest, study: 2);
        File.Delete((await bed.ColumnAsync("SELECT spool_path FROM triage.instances WHERE id = @id", ("id", missing)))[0]);
        var garbage = Path.Combine(bed.Spool, "garbage.bin");
        await File.WriteAllBytesAsync(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
        var corrupt = await bed.ReceiveAsync(garbage, study: 2);
        var good2 = await bed.ReceiveAsync(TriageTestBed.SmallChest);

        await bed.StartHostAsync(new() { ["Triage:MaxAttempts"] = "3" });
        await bed.WaitUntilSettledAsync(5, Timeout);

        foreach (var id in new[] { good1, good2 })
        {
            Assert.Equal("Triaged", (await bed.ColumnAsync("SELECT state FROM triage.instances WHERE id = @id", ("id", id)))[0]);
        }

        foreach (var (id, reason) in new[] { (tampered, "SHA-256"), (missing, "does not exist"), (corrupt, "Exception") })
        {
            var row = (await bed.RowsAsync("SELECT state, attempts, last_error FROM triage.instances WHERE id = @id", ("id", id))).Single();
            Assert.Equal("Failed", row[0]);
            Assert.Equal(3, row[1]);
            Assert.Contains(reason, (string)row[2]!, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', (string)row[2]!);
        }

        Assert.Equal(2, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.inference_runs"));
        // The study of the poison images could not be assessed; the other study took its images' triage.
        Assert.Equal("NotAssessable", (await bed.ColumnAsync(
            "SELECT triage_priority FROM triage.studies WHERE study_instance_uid = @uid", ("uid", TriageTestBed.StudyUid(2))))[0]);
        Assert.NotEqual("NotAssessable", (await bed.ColumnAsync(
            "SELECT triage_priority FROM triage.studies WHERE study_instance_uid = @uid", ("uid", TriageTestBed.StudyUid(1))))[0]);
    }

    [Fact]
    public async Task Worker_ClaimTakenOverAtAttemptLimit_FailsWithoutProcessing()
    {
        await using var bed = await TriageTestBed.CreateAsync(postgres, ensemble);
        var id = await bed.ReceiveAsync(TriageTestBed.SmallChest);
        // A worker that died while holding the image's last attempt: its lease expired long ago.
        await bed.ScalarAsync<int>("""
            UPDATE triage.instances SET state = 'Processing', attempts = 2, claimed_by = 'crashed', claimed_at = now() - interval '1 hour'
            WHERE id = @id RETURNING attempts
            """, ("id", id));

        await bed.StartHostAsync(new() { ["Triage:MaxAttempts"] = "3" });
        await bed.WaitUntilSettledAsync(1, Timeout);

        var row = (await bed.RowsAsync("SELECT state, last_error FROM triage.instances WHERE id = @id", ("id", id))).Single();
        Assert.Equal("Failed", row[0]);
        Assert.Contains("attempts exhausted", (string)row[1]!, StringComparison.Ordinal);
        Assert.Equal(0L, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.inference_runs"));
    }

    [Fact]
    public async Task TwoWorkers_ThirtyInstancesOneDatabase_EachTriagedExactlyOnce()
    {
        await using var bed = await TriageTestBed.CreateAsync(postgres, ensemble);
        for (var i = 0; i < 30; i++)
        {
            await bed.ReceiveAsync(TriageTestBed.SmallChest, study: (i % 5) + 1);
        }

        var small = new Dictionary<string, string?> { ["Triage:ClaimBatch"] = "2" };
        await Task.WhenAll(bed.StartHostAsync(small), bed.StartHostAsync(small));
        await bed.WaitUntilSettledAsync(30, Timeout);

        Assert.Equal(30L, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.instances WHERE state = 'Triaged'"));
        Assert.Equal(30L, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.inference_runs"));
        Assert.Equal(30L, await bed.ScalarAsync<long>("SELECT count(DISTINCT instance_id) FROM triage.inference_runs"));
        Assert.Equal(30L, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.triage_results"));
        Assert.Equal(0L, await bed.ScalarAsync<long>("SELECT count(*) FROM triage.instances WHERE attempts > 0"));
    }

    [Fact]
    public async Task Worker_LongPollAndSignal_TriagesPromptlyAfterNotify()
    {
        await using var bed = await TriageTestBed.CreateAsync(postgres, ensemble);
        var host = await bed.StartHostAsync(new() { ["Triage:PollInterval"] = "00:00:50" });
        // Let the worker find the queue empty and start its long wait.
        await Task.Delay(500);

        var id = await bed.ReceiveAsync(TriageTestBed.SmallChest);
        var started = TimeProvider.System.GetTimestamp();
        host.Services.GetRequiredService<ITriageSignal>().Notify();
        await bed.WaitUntilSettledAsync(1, TimeSpan.FromSeconds(20));

        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(20));
        Assert.Equal("Triaged", (await bed.ColumnAsync("SELECT state FROM triage.instances WHERE id = @id", ("id", id)))[0]);
    }
}
