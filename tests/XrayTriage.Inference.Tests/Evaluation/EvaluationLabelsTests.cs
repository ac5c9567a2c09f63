using XrayTriage.Inference.Evaluation;

namespace XrayTriage.Inference.Tests.Evaluation;

public sealed class EvaluationLabelsTests
{
    private const string Header = "split,class,relative_path,sha256,source_repo,source_path";

    private static EvaluationLabels Parse(string text) => EvaluationLabels.Parse(new StringReader(text), "labels.csv");

    [Fact]
    public void Parse_RowsOfTheSharedLayout_FindSourceByPathAndByHash()
    {
        var labels = Parse($"""
            {Header}
            val,normal,val/normal/aa.png,AA11,owner/one,x/1.png
            val,covid19,val/covid19/bb.jpg,bb22,owner/two,"y/with, comma.jpg"
            """);

        Assert.Equal(2, labels.Count);
        Assert.Equal("owner/one", labels.SourceOfPath("val/normal/aa.png"));
        Assert.Equal("owner/two", labels.SourceOfPath("val\\covid19\\bb.jpg"));
        Assert.Equal("owner/one", labels.SourceOfHash("aa11"));
        Assert.Equal("owner/two", labels.SourceOfHash("BB22"));
        Assert.Null(labels.SourceOfPath("val/normal/cc.png"));
        Assert.Null(labels.SourceOfHash("cc33"));
    }

    [Fact]
    public void Parse_ColumnsInAnotherOrder_ReadByName()
    {
        var labels = Parse("""
            source_repo,sha256,relative_path
            "quoted/repo",dd44,a.png
            """);

        Assert.Equal("quoted/repo", labels.SourceOfPath("a.png"));
    }

    [Theory]
    [InlineData("split,class,sha256,source_repo,source_path", "relative_path")]
    [InlineData("split,class,relative_path,source_repo,source_path", "sha256")]
    [InlineData("split,class,relative_path,sha256,source_path", "source_repo")]
    public void Parse_MissingColumn_OneLineNamingIt(string header, string column)
    {
        var ex = Assert.Throws<FormatException>(() => Parse(header + "\nval,normal,a,b,c\n"));

        Assert.Contains($"no '{column}' column", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("labels.csv: ", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Theory]
    [InlineData("val,normal,a.png,aa,owner/one", "line 3: expected 6")]
    [InlineData("val,normal,a.png,aa,\"owner/one,x.png", "line 3: expected 6")]
    [InlineData("val,normal,a.png,aa,,x.png", "line 3: 'source_repo' is empty")]
    public void Parse_MalformedRow_NamesTheLine(string row, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => Parse($"{Header}\nval,normal,ok.png,00,owner/one,x.png\n{row}\n"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Empty_SaysThereIsNoHeader()
    {
        var ex = Assert.Throws<FormatException>(() => Parse(""));

        Assert.Contains("no header", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SharedLabelsFile_HasEveryImageOfTheSet()
    {
        var path = Path.Combine(XrayTriage.Testing.RepositoryPaths.CxrData, "labels.csv");
        using var reader = new StreamReader(path);

        var labels = EvaluationLabels.Parse(reader, path);

        Assert.Equal(7529, labels.Count);
        var image = Directory.GetFiles(Path.Combine(XrayTriage.Testing.RepositoryPaths.CxrData, "val", "normal"))
            .Order(StringComparer.Ordinal)
            .First();
        Assert.NotNull(labels.SourceOfPath(Path.GetRelativePath(XrayTriage.Testing.RepositoryPaths.CxrData, image)));
    }
}
