namespace XrayTriage.Web.Tests;

[CollectionDefinition(Name)]
public sealed class SharedWebServer : ICollectionFixture<WebServer>
{
    public const string Name = "web";
}
