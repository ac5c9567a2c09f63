using System.Globalization;
using XrayTriage.Dicom;
using XrayTriage.Testing;

namespace XrayTriage.Triage.Tests;

/// <summary>The content gate in the worker: the smoke ensemble (two members × 512 feature channels) with a gate whose
/// score is ‖pooled features‖² (one mean at the origin, W = I), so threshold 0 refuses every film and a huge
/// threshold passes it; and a blank film, refused before the model.</summary>
[Collection(TriageEnvironment.Name)]
public sealed class ContentGateTriageTests(PostgresFixture postgres, SmokeEnsembleFixture ensemble) : IDisposable
{
    private const int PooledFeatures = 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string _models = Path.Combine(Path.GetTempPath(), "xraytriage-gate-models-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _blank = Path.Combine(Path.GetTempPath(), "xraytriage-blank-" + Guid.NewGuid().ToString("N")[..8] + ".dcm");

    [Fact]
    public async Task Worker_GateRefusesFilmAndBlankFilm_NotAssessableWithReasonAndScoreAndNoFindings()
    {
        await ContentGateFile.CopyWithGateAsync(ensemble.Folder, _models, PooledFeatures, scale: 1, threshold: 0);
        await using var bed = await TriageTestBed.CreateAsync(postgres, _models);
        var film = await bed.ReceiveAsync(TriageTestBed.SmallChest, study: 1);
        WriteBlankCopy(TriageTestBed.SmallChest, _blank);
        var blank = await bed.ReceiveAsync(_blank, study: 2);

        await bed.StartHostAsync();
        await bed.WaitUntilSettledAsync(2, Timeout);

        var refused = await ResultAsync(bed, film);
        Assert.Equal(["Triaged", "NotAssessable", "NotChestRadiograph"], refused[..3]);
        Assert.True(double.Parse(refused[3], CultureInfo.InvariantCulture) > 0, refused[3]);
        Assert.Equal(0, double.Parse(refused[4], CultureInfo.InvariantCulture));
        Assert.Equal("0", refused[5]); // no class given: no probabilities stored
        Assert.Equal("", refused[6]);  // no heatmap

        var empty = await ResultAsync(bed, blank);
        Assert.Equal(["Triaged", "NotAssessable", "BlankImage", "0", "8", "0", ""], empty[..7]);

        var studies = await bed.ColumnAsync("SELECT triage_priority FROM triage.studies ORDER BY id");
        Assert.Equal(["NotAssessable", "NotAssessable"], studies);
    }

    [Fact]
    public async Task Worker_GatePassesFilm_ClassGivenAndScoreRecorded()
    {
        await ContentGateFile.CopyWithGateAsync(ensemble.Folder, _models, PooledFeatures, scale: 1, threshold: 1e30);
        await using var bed = await TriageTestBed.CreateAsync(postgres, _models);
        var film = await bed.ReceiveAsync(TriageTestBed.SmallChest);

        await bed.StartHostAsync();
        await bed.WaitUntilSettledAsync(1, Timeout);

        var passed = await ResultAsync(bed, film);
        Assert.Equal("Triaged", passed[0]);
        Assert.NotEqual("NotAssessable", passed[1]);
        Assert.Equal("", passed[2]);
        Assert.True(double.Parse(passed[3], CultureInfo.InvariantCulture) > 0, passed[3]);
        Assert.NotEqual("0", passed[5]);
        Assert.StartsWith("shipped on ", passed[7], StringComparison.Ordinal); // the operating point the decision was made at
    }

    public void Dispose()
    {
        if (Directory.Exists(_models))
        {
            Directory.Delete(_models, recursive: true);
        }

        File.Delete(_blank);
    }

    /// <summary>state, priority, reason, score, threshold, number of findings, heatmap width, operating point ("" for SQL NULL).</summary>
    private static async Task<string[]> ResultAsync(TriageTestBed bed, long instanceId)
    {
        var row = (await bed.RowsAsync("""
            SELECT i.state, tr.priority, tr.not_assessable_reason, tr.content_gate_score::text, tr.content_gate_threshold::text,
                (SELECT count(*) FROM triage.findings f WHERE f.inference_run_id = r.id)::text, r.heatmap_width::text,
                tr.operating_point
            FROM triage.instances i
            JOIN triage.inference_runs r ON r.instance_id = i.id
            JOIN triage.triage_results tr ON tr.inference_run_id = r.id
            WHERE i.id = @id
            """, ("id", instanceId))).Single();
        return [.. row.Select(v => v as string ?? "")];
    }

    /// <summary>The chest sample with every pixel 0: a constant gray plane.</summary>
    private static void WriteBlankCopy(string source, string target)
    {
        var file = DicomFile.Open(source);
        var rows = file.Dataset.GetUInt16(DicomTags.Rows);
        var columns = file.Dataset.GetUInt16(DicomTags.Columns);
        file.Dataset.AddOrUpdate(DicomTags.PixelData, DicomVR.OW, new byte[rows * columns * 2]);
        file.Save(target);
    }
}
