using System.Buffers.Binary;
using System.Runtime.InteropServices;
using JpegLibrary;

namespace XrayTriage.Imaging.Codecs;

/// <summary>Receives JpegLibrary's 8×8 spatial blocks (level-shifted samples) and stores them clamped, clipped to
/// the image and interleaved, as 8- or 16-bit little-endian samples.</summary>
internal sealed class JpegSampleWriter(byte[] output, int columns, int rows, int components, int bytesPerSample, int maxValue)
    : JpegBlockOutputWriter
{
    public override void WriteBlock(ref short blockRef, int componentIndex, int x, int y)
    {
        if ((uint)componentIndex >= (uint)components)
        {
            throw new InvalidDataException($"Component {componentIndex} is not in the frame.");
        }

        var block = MemoryMarshal.CreateReadOnlySpan(ref blockRef, 64);
        var height = Math.Min(8, rows - y);
        var width = Math.Min(8, columns - x);
        for (var by = 0; by < height; by++)
        {
            for (var bx = 0; bx < width; bx++)
            {
                var value = Math.Clamp((int)block[(by * 8) + bx], 0, maxValue);
                var index = ((((y + by) * columns) + x + bx) * components) + componentIndex;
                if (bytesPerSample == 1)
                {
                    output[index] = (byte)value;
                }
                else
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(output.AsSpan(index * 2), (ushort)value);
                }
            }
        }
    }
}
