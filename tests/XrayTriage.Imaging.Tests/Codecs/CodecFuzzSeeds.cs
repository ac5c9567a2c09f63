using XrayTriage.Imaging.Codecs;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>Small valid frames per codec, made once per test class by DCMTK, opj_compress and the test encoder, for
/// the fuzz tests to corrupt. Small images keep 2,000 decodes per codec within a few seconds.</summary>
public sealed class CodecFuzzSeeds : IAsyncLifetime
{
    private const string MrSmall = "other/mr_small_mono2_s16_explicit-le_pydicom-MR_small.dcm";
    private const string CtSmall = "other/ct_small_mono2_s16_explicit-le_pydicom-CT_small.dcm";

    public Dictionary<string, (IFrameDecoder Decoder, List<(byte[] Frame, PixelGeometry Geometry)> Frames)> ByCodec { get; }
        = new(StringComparer.Ordinal);

    public async Task InitializeAsync()
    {
        var synthetic = await SyntheticImage.CreateAsync(40, 56, 12, false, 5);
        try
        {
            await AddAsync("rle", new RleFrameDecoder(), "dcmcrle", [], CodecSamples.PathOf(MrSmall), CodecSamples.PathOf(CtSmall));
            await AddAsync(
                "jpeg-lossless", new JpegLosslessFrameDecoder(), "dcmcjpeg", ["+el", "+sv", "7"], CodecSamples.PathOf(MrSmall), synthetic);
            await AddAsync("jpeg-lossless", new JpegLosslessFrameDecoder(), "dcmcjpeg", ["+e1"], CodecSamples.PathOf(CtSmall));
            var restart = new LosslessJpegTestEncoder(16, 24, 12, 4, 24 * 2)
                .Encode([[.. Enumerable.Range(0, 16 * 24).Select(i => (ushort)(i * 37 % 4096))]]);
            ByCodec["jpeg-lossless"].Frames.Add((restart, new PixelGeometry(16, 24, 1, 1, 16, 12, 11, false, "MONOCHROME2", 0)));
            await AddAsync("jpeg-baseline", new JpegBaselineFrameDecoder(), "dcmcjpeg", ["+eb"], CodecSamples.PathOf(MrSmall));
            await AddAsync("jpeg-baseline", new JpegBaselineFrameDecoder(), "dcmcjpeg", ["+ee"], synthetic);
            await AddAsync("jpeg-ls", new JpegLsFrameDecoder(), "dcmcjpls", ["+el"], CodecSamples.PathOf(MrSmall));
            await AddAsync("jpeg-ls", new JpegLsFrameDecoder(), "dcmcjpls", ["+en"], synthetic);
            var j2k = new Jpeg2000FrameDecoder();
            ByCodec["jpeg-2000"] = (j2k, [
                (await OpenJpegTool.EncodeAsync("j2k", 0), OpenJpegTool.Geometry),
                (await OpenJpegTool.EncodeAsync("j2k", 8), OpenJpegTool.Geometry),
                (await OpenJpegTool.EncodeAsync("jp2", 0), OpenJpegTool.Geometry),
            ]);
        }
        finally
        {
            File.Delete(synthetic);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task AddAsync(string codec, IFrameDecoder decoder, string tool, string[] options, params string[] inputs)
    {
        if (!ByCodec.TryGetValue(codec, out var entry))
        {
            entry = (decoder, []);
            ByCodec[codec] = entry;
        }

        foreach (var input in inputs)
        {
            entry.Frames.Add(await CodecSamples.WithToolOutputAsync(tool, options, input, CodecSamples.EncodedFrame));
        }
    }
}
