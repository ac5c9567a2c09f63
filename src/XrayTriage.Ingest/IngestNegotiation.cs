using XrayTriage.Dicom;
using XrayTriage.Imaging.Codecs;

namespace XrayTriage.Ingest;

/// <summary>What the ingest SCP accepts in association negotiation (PS3.7 Annex D.3.3).</summary>
/// <remarks>
/// Every registered, non-retired storage SOP class, so a modality never fails because of a presentation state or
/// a dose report it sends along (they are recorded and skipped). Only transfer syntaxes whose pixel data we can
/// decode are accepted: an instance we could store but never triage is refused in negotiation instead, so the
/// modality can fall back to an uncompressed context. The uncompressed little endian syntaxes come first, so
/// non-image SOP classes (SR, waveforms, PDFs) are negotiated uncompressed whenever the peer offers that.
/// </remarks>
internal static class IngestNegotiation
{
    public static IReadOnlySet<string> StorageSopClasses { get; } =
        DicomUid.Registered.Where(u => u.IsStorageSopClass).Select(u => u.Value).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> TransferSyntaxes { get; } = Build();

    private static string[] Build()
    {
        string[] preferred = [TransferSyntax.ExplicitVRLittleEndian.Uid.Value, TransferSyntax.ImplicitVRLittleEndian.Uid.Value];
        return
        [
            .. preferred,
            .. FrameDecoderRegistry.DecodableTransferSyntaxUids.Where(uid => !preferred.Contains(uid)).Distinct(StringComparer.Ordinal),
        ];
    }
}
