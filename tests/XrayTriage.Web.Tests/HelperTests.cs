using XrayTriage.Web.Data;
using XrayTriage.Web.Options;
using XrayTriage.Web.Security;

namespace XrayTriage.Web.Tests;

public sealed class HelperTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("-1", "'-1")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void AuditCsvCell_SpecialText_IsQuotedAndDefused(string value, string expected)
        => Assert.Equal(expected, AuditCsv.Cell(value));

    [Theory]
    [InlineData("rad.one", "rad.one")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\r\tb", "a\\r\\tb")]
    [InlineData("bell\u0007 esc\u001b del\u007f nel\u0085 ls\u2028", "bell\\u0007 esc\\u001B del\\u007F nel\\u0085 ls\\u2028")]
    [InlineData("Müller, Zoë", "Müller, Zoë")]
    public void LogTextEscape_ControlCharacters_BecomeVisibleEscapes(string value, string expected)
        => Assert.Equal(expected, Core.LogText.Escape(value));

    [Fact]
    public void OidcRoleMapping_ClaimValues_MapToConfiguredRoles()
    {
        var oidc = new OidcOptions();
        oidc.RadiologistValues.Add("rad-group");
        oidc.AdminValues.Add("it-admins");
        Assert.Equal(["radiologist"], OidcRoleMapping.Map(["rad-group", "other"], oidc));
        Assert.Equal(["radiologist", "admin"], OidcRoleMapping.Map(["it-admins", "rad-group"], oidc));
        Assert.Empty(OidcRoleMapping.Map(["Rad-Group"], oidc));
    }

    [Theory]
    [InlineData("priority=urgent&from=2026-11-01&to=2026-11-30&modality=cr&status=settled", true)]
    [InlineData("priority=soon", false)]
    [InlineData("from=26/11/2026", false)]
    [InlineData("take=1000", false)]
    [InlineData("status=finished", false)]
    public void WorklistFilterParse_Values_AcceptedOrRefused(string query, bool valid)
    {
        var values = query.Split('&').Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var filter = WorklistFilter.Parse(k => values.GetValueOrDefault(k), out var error);
        Assert.Equal(valid, filter is not null);
        Assert.Equal(valid, error is null);
        if (filter is not null)
        {
            Assert.Equal("CR", filter.Modality);
        }
    }

    [Fact]
    public void HeatmapScaler_TwoByTwo_InterpolatesBetweenCorners()
    {
        var result = HeatmapScaler.Upsample([0f, 1f, 0f, 1f], 2, 2, 4, 4);
        Assert.Equal(16, result.Length);
        Assert.Equal(0f, result[0]);
        Assert.Equal(1f, result[3]);
        Assert.InRange(result[1], 0.2f, 0.3f);
        Assert.InRange(result[2], 0.7f, 0.8f);
    }
}
