using XrayTriage.Imaging.Codecs;
using XrayTriage.Imaging.Eligibility;

namespace XrayTriage.Ingest.Tests;

public sealed class IngestNegotiationTests
{
    [Fact]
    public void TransferSyntaxes_AreExactlyTheDecodableOnes_UncompressedFirst()
    {
        Assert.Equal(["1.2.840.10008.1.2.1", "1.2.840.10008.1.2"], IngestNegotiation.TransferSyntaxes.Take(2));
        Assert.Equal(
            FrameDecoderRegistry.DecodableTransferSyntaxUids.Order(StringComparer.Ordinal),
            IngestNegotiation.TransferSyntaxes.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("1.2.840.10008.1.2.4.203", IngestNegotiation.TransferSyntaxes);
    }

    [Fact]
    public void StorageSopClasses_IncludeRadiographsAndNonImageStorage()
    {
        Assert.Contains(EligibilityRules.ComputedRadiography, IngestNegotiation.StorageSopClasses);
        Assert.Contains(EligibilityRules.DigitalXRayForPresentation, IngestNegotiation.StorageSopClasses);
        Assert.Contains("1.2.840.10008.5.1.4.1.1.104.1", IngestNegotiation.StorageSopClasses);
        Assert.DoesNotContain("1.2.840.10008.1.1", IngestNegotiation.StorageSopClasses);
    }
}
