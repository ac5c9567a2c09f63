using Xunit;

namespace XrayTriage.Deploy.Tests;

/// <summary>One publish and one install shared by every class that needs them (publishing takes minutes).</summary>
[CollectionDefinition(Name)]
public sealed class PublishedInstallGroup : ICollectionFixture<PublishedInstall>
{
    public const string Name = "published install";
}
