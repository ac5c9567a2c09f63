using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Codecs;

/// <summary>A decoder whose codec can skip detail it is not asked for: JPEG 2000 resolution levels (T.800 B.5),
/// JPEG DCT scaling (libjpeg-turbo, k/8). Used where the caller needs far fewer pixels than the film has, as the model
/// input does (224 px from a 2,000 px film).</summary>
internal interface IReducingFrameDecoder
{
    /// <summary>Decodes one frame at the lowest resolution the codec offers whose short side still has at least
    /// <paramref name="minimumShortSide"/> pixels (full resolution when none does), in the same sample layout as
    /// <see cref="IFrameDecoder.Decode"/>.</summary>
    ReducedFrame DecodeReduced(ReadOnlyMemory<byte> frame, PixelGeometry geometry, int minimumShortSide);
}

/// <summary>Native samples of a frame decoded at <see cref="Rows"/> × <see cref="Columns"/>, and how: e.g.
/// "JPEG 2000 resolution level 2 (1/4)"; null when at full resolution.</summary>
internal sealed record ReducedFrame(byte[] Samples, int Rows, int Columns, string? Reduction);
