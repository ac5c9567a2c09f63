namespace XrayTriage.Reporting.Tests;

public sealed class ProjectTests
{
    [Fact]
    public void Assembly_Loads_IsTheReportingStage() =>
        Assert.Equal("XrayTriage.Reporting", typeof(ReportingAssembly).Assembly.GetName().Name);
}
