using XrayTriage.Dicom;

namespace XrayTriage.Imaging.Codecs;

/// <summary>The decoders for encapsulated transfer syntaxes. What is not here is not decodable, and the SCP must
/// not accept it in association negotiation.</summary>
public static class FrameDecoderRegistry
{
    private static readonly IFrameDecoder[] Decoders =
    [
        new RleFrameDecoder(),
        new JpegLosslessFrameDecoder(),
        new JpegBaselineFrameDecoder(),
        new JpegLsFrameDecoder(),
        new Jpeg2000FrameDecoder(),
    ];

    private static readonly Dictionary<string, IFrameDecoder> ByUid = Decoders
        .SelectMany(d => d.TransferSyntaxUids.Select(uid => (uid, d)))
        .ToDictionary(x => x.uid, x => x.d, StringComparer.Ordinal);

    /// <summary>Transfer syntaxes whose pixel data we can decode (native ones included).</summary>
    public static IReadOnlyCollection<string> DecodableTransferSyntaxUids { get; } =
        [DicomUids.ImplicitVRLittleEndian.Value, DicomUids.ExplicitVRLittleEndian.Value, DicomUids.ExplicitVRBigEndian.Value,
         DicomUids.DeflatedExplicitVRLittleEndian.Value, .. ByUid.Keys];

    public static IFrameDecoder? Find(TransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(transferSyntax);
        return ByUid.GetValueOrDefault(transferSyntax.Uid.Value);
    }
}
