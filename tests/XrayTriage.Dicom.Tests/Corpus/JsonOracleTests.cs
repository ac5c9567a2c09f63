using System.Text.Json;
using XrayTriage.Testing;

namespace XrayTriage.Dicom.Tests.Corpus;

/// <summary>Our DICOM JSON Model output against pydicom's to_json_dict for the chest, SR and other folders (one python run).</summary>
public sealed class JsonOracleTests
{
    [Fact]
    public async Task ToJson_ChestSrAndOtherSamples_MatchesPydicomToJsonDict()
    {
        var files = CorpusFiles.All().Where(f => !f.StartsWith("edge/", StringComparison.Ordinal)).ToList();
        var script = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Oracles", "pydicom_json.py"));
        var result = await PeerTools.RunPythonAsync(script, files.Select(CorpusFiles.FullPath), TimeSpan.FromMinutes(2));
        result.EnsureSuccess("pydicom to_json_dict");
        using var oracle = JsonDocument.Parse(result.StandardOutput);
        var problems = new List<string>();
        foreach (var file in files)
        {
            var theirs = oracle.RootElement.GetProperty(CorpusFiles.FullPath(file));
            Assert.False(theirs.TryGetProperty("error", out _), file);
            using var ours = JsonDocument.Parse(new DicomJsonWriter().ToJson(DicomFile.Open(CorpusFiles.FullPath(file)).Dataset));
            var fileProblems = new List<string>();
            JsonComparison.Compare(theirs, ours.RootElement, string.Empty, fileProblems);
            problems.AddRange(fileProblems.Select(p => $"{file}: {p}"));
        }

        Assert.True(files.Count >= 47);
        Assert.True(problems.Count == 0, string.Join('\n', problems.Take(30)));
    }

    [Fact]
    public void ToJson_SmallDataSet_FollowsPS318F2()
    {
        var ds = new DicomDataset()
            .Add(DicomTags.PatientName, "Doe^John=ドウ^ジョン")
            .Add(DicomTags.Rows, (ushort)512)
            .AddOrUpdate(DicomTags.WindowCenter, DicomVR.DS, "40", "-10.5")
            .Add(DicomTags.PatientID, string.Empty)
            .Add(new DicomSequence(
                DicomTags.ReferencedStudySequence,
                new DicomDataset().Add(DicomTags.ReferencedSOPInstanceUID, DicomUid.Parse("1.2.3"))));
        ds.AddOrUpdate(DicomTags.SpecificCharacterSet, "ISO_IR 192");
        var json = new DicomJsonWriter().ToJson(ds);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        Assert.Equal("PN", root.GetProperty("00100010").GetProperty("vr").GetString());
        Assert.Equal("Doe^John", root.GetProperty("00100010").GetProperty("Value")[0].GetProperty("Alphabetic").GetString());
        Assert.Equal(512, root.GetProperty("00280010").GetProperty("Value")[0].GetInt32());
        Assert.Equal(-10.5, root.GetProperty("00281050").GetProperty("Value")[1].GetDouble());
        Assert.False(root.GetProperty("00100020").TryGetProperty("Value", out _));
        Assert.Equal(
            "1.2.3",
            root.GetProperty("00081110").GetProperty("Value")[0].GetProperty("00081155").GetProperty("Value")[0].GetString());
    }

    [Fact]
    public void Format_NestedSequence_IndentsLikeDcmdump()
    {
        var ds = DicomFile.Open(CorpusFiles.FullPath("sr/sr_comprehensive_nested_offis-srdoc-test.dcm")).Dataset;
        var dump = new DicomDumpFormatter().Format(ds);
        Assert.Contains("(0040,A730) SQ (Sequence #=", dump, StringComparison.Ordinal);
        Assert.Contains("\n    (0040,A010) CS [", dump, StringComparison.Ordinal);
        Assert.Contains("# ", dump, StringComparison.Ordinal);
        Assert.Contains("ContentSequence", dump, StringComparison.Ordinal);
    }
}
