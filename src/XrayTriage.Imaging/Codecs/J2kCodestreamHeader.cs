using System.Buffers.Binary;
using XrayTriage.Imaging.Pixels;

namespace XrayTriage.Imaging.Codecs;

/// <summary>
/// Finds and checks the SIZ segment (T.800 A.5.1) of a raw J2K codestream or of the contiguous codestream box of a
/// JP2 file (T.800 I.5.4) before OpenJPEG sees the data: image size equal to Rows × Columns, component count,
/// precision, no subsampling, a bounded number of tiles.
/// </summary>
internal static class J2kCodestreamHeader
{
    private const int MaxTiles = 65535;

    private static ReadOnlySpan<byte> Jp2Signature => [0x00, 0x00, 0x00, 0x0C, 0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A];

    /// <summary>Checks the header; returns whether the data is a JP2 file (else a raw codestream).</summary>
    public static bool Check(ReadOnlySpan<byte> data, PixelGeometry geometry)
    {
        var isJp2 = data.StartsWith(Jp2Signature);
        var codestream = isJp2 ? FindCodestreamBox(data) : data;
        if (codestream.Length < 4 || codestream[0] != 0xFF || codestream[1] != 0x4F || codestream[2] != 0xFF || codestream[3] != 0x51)
        {
            throw new ImagingException("JPEG 2000: the frame is neither a J2K codestream (SOC, SIZ) nor a JP2 file.");
        }

        var siz = codestream[4..];
        if (siz.Length < 38)
        {
            throw new ImagingException("JPEG 2000: the SIZ segment is truncated.");
        }

        var length = BinaryPrimitives.ReadUInt16BigEndian(siz);
        var width = (long)U32(siz, 4) - U32(siz, 12);
        var height = (long)U32(siz, 8) - U32(siz, 16);
        var tileWidth = U32(siz, 20);
        var tileHeight = U32(siz, 24);
        var tileX = U32(siz, 28);
        var tileY = U32(siz, 32);
        var components = BinaryPrimitives.ReadUInt16BigEndian(siz[36..]);
        if (width != geometry.Columns || height != geometry.Rows || components != geometry.SamplesPerPixel)
        {
            throw new ImagingException(
                $"JPEG 2000: SIZ says {height} × {width} × {components} components; "
                + $"the data set says {geometry.Rows} × {geometry.Columns} × {geometry.SamplesPerPixel}.");
        }

        if (length != 38 + (3 * components) || siz.Length < length)
        {
            throw new ImagingException($"JPEG 2000: the SIZ segment length {length} does not fit {components} components.");
        }

        if (tileWidth == 0 || tileHeight == 0 || tileX > U32(siz, 12) || tileY > U32(siz, 16)
            || ((U32(siz, 4) - (long)tileX + tileWidth - 1) / tileWidth)
                * ((U32(siz, 8) - (long)tileY + tileHeight - 1) / tileHeight) > MaxTiles)
        {
            throw new ImagingException(
                $"JPEG 2000: the tiling ({tileWidth} × {tileHeight} at {tileX}, {tileY}) is invalid or has over {MaxTiles} tiles.");
        }

        for (var c = 0; c < components; c++)
        {
            var precision = (siz[38 + (3 * c)] & 0x7F) + 1;
            if (precision > geometry.BitsAllocated || precision > 16 || siz[39 + (3 * c)] != 1 || siz[40 + (3 * c)] != 1)
            {
                throw new ImagingException(
                    $"JPEG 2000: component {c} has {precision} bits and subsampling {siz[39 + (3 * c)]} × {siz[40 + (3 * c)]}; "
                    + $"Bits Allocated is {geometry.BitsAllocated}, subsampling must be 1 × 1.");
            }
        }

        return isJp2;
    }

    private static uint U32(ReadOnlySpan<byte> span, int offset) => BinaryPrimitives.ReadUInt32BigEndian(span[offset..]);

    /// <summary>Walks the JP2 boxes (LBox, TBox, optional XLBox) to the contiguous codestream box 'jp2c'.</summary>
    private static ReadOnlySpan<byte> FindCodestreamBox(ReadOnlySpan<byte> data)
    {
        var position = 0L;
        while (position + 8 <= data.Length)
        {
            long length = U32(data, (int)position);
            var type = U32(data, (int)position + 4);
            var header = 8;
            if (length == 1)
            {
                if (position + 16 > data.Length)
                {
                    break;
                }

                length = (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(data[(int)(position + 8)..]), long.MaxValue);
                header = 16;
            }
            else if (length == 0)
            {
                length = data.Length - position;
            }

            if (length < header || position + length > data.Length)
            {
                throw new ImagingException(
                    $"JPEG 2000: JP2 box at byte {position} of {length} bytes passes the end of the frame ({data.Length}).");
            }

            if (type == 0x6A703263)
            {
                return data.Slice((int)position + header, (int)length - header);
            }

            position += length;
        }

        throw new ImagingException("JPEG 2000: the JP2 file has no contiguous codestream box.");
    }
}
