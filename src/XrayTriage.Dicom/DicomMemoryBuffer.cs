namespace XrayTriage.Dicom;

/// <summary>Bytes held in memory.</summary>
internal sealed class DicomMemoryBuffer(ReadOnlyMemory<byte> bytes) : DicomBuffer
{
    public override long Length => bytes.Length;

    public override bool IsInMemory => true;

    public override ReadOnlyMemory<byte> GetMemory() => bytes;

    public override void CopyTo(Stream destination) => destination.Write(bytes.Span);
}
