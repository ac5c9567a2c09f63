using System.Buffers.Binary;

namespace XrayTriage.Dicom;

/// <summary>A range of a file read on demand, so large values (pixel data) are not held in memory.</summary>
internal sealed class DicomFileBuffer(string path, long offset, long length, int swapSize) : DicomBuffer
{
    public override long Length => length;

    public override bool IsInMemory => false;

    public override ReadOnlyMemory<byte> GetMemory()
    {
        if (length > Array.MaxLength)
        {
            throw new InvalidOperationException($"A value of {length} bytes does not fit in memory; use CopyTo.");
        }

        var bytes = new byte[length];
        using var stream = Open();
        stream.ReadExactly(bytes);
        Swap(bytes);
        return bytes;
    }

    public override void CopyTo(Stream destination)
    {
        using var stream = Open();
        var chunk = new byte[Math.Min(length, 1 << 20)];
        var remaining = length;
        while (remaining > 0)
        {
            var n = (int)Math.Min(remaining, chunk.Length);
            stream.ReadExactly(chunk, 0, n);
            Swap(chunk.AsSpan(0, n));
            destination.Write(chunk, 0, n);
            remaining -= n;
        }
    }

    private FileStream Open()
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        stream.Seek(offset, SeekOrigin.Begin);
        return stream;
    }

    private void Swap(Span<byte> bytes)
    {
        if (swapSize == 2)
        {
            var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ushort>(bytes[..(bytes.Length & ~1)]);
            BinaryPrimitives.ReverseEndianness(words, words);
        }
        else if (swapSize > 2)
        {
            ByteOrder.Swap(bytes, swapSize);
        }
    }
}
