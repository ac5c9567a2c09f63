using XrayTriage.Core.Pipeline;

namespace XrayTriage.Persistence.Tests;

public sealed class UuidUidTests
{
    [Theory]
    [InlineData("f81d4fae-7dec-11d0-a765-00a0c91e6bf6", "2.25.329800735698586629295641978511506172918")]
    [InlineData("00000000-0000-0000-0000-000000000000", "2.25.0")]
    [InlineData("00000000-0000-0000-0000-000000000001", "2.25.1")]
    [InlineData("01000000-0000-0000-0000-000000000000", "2.25.1329227995784915872903807060280344576")]
    [InlineData("ffffffff-ffff-ffff-ffff-ffffffffffff", "2.25.340282366920938463463374607431768211455")]
    public void ToDicomUid_KnownUuid_IsTheUnsignedDecimalOfItsBigEndianBytes(string uuid, string expected)
    {
        var uid = UuidUid.ToDicomUid(Guid.Parse(uuid));

        Assert.Equal(expected, uid);
        Assert.True(uid.Length <= 64);
    }
}
