namespace XrayTriage.Dicom;

/// <summary>Encapsulated pixel data: a Basic Offset Table and compressed fragments.</summary>
/// <remarks>PS3.5 §A.4; frames from the Basic or Extended Offset Table (PS3.5 §A.4, PS3.3 C.7.6.3.1.8).</remarks>
public sealed class DicomFragmentSequence : DicomItem
{
    private readonly List<DicomBuffer> _fragments = [];

    /// <summary>Creates encapsulated pixel data.</summary>
    /// <param name="tag">The tag, normally (7FE0,0010).</param>
    /// <param name="vr">OB (or OW in some old files).</param>
    /// <param name="offsetTable">The Basic Offset Table item value (may be empty).</param>
    /// <param name="fragments">The fragments.</param>
    public DicomFragmentSequence(DicomTag tag, DicomVR vr, DicomBuffer offsetTable, IEnumerable<DicomBuffer> fragments)
        : base(tag, vr)
    {
        ArgumentNullException.ThrowIfNull(offsetTable);
        ArgumentNullException.ThrowIfNull(fragments);
        OffsetTable = offsetTable;
        _fragments.AddRange(fragments);
    }

    /// <summary>The Basic Offset Table item value.</summary>
    public DicomBuffer OffsetTable { get; }

    /// <summary>The fragments after the offset table.</summary>
    public IReadOnlyList<DicomBuffer> Fragments => _fragments;

    /// <summary>The frame start offsets of the Basic Offset Table (relative to the first fragment item tag).</summary>
    /// <returns>The offsets.</returns>
    public IReadOnlyList<long> GetBasicOffsets()
    {
        var bytes = OffsetTable.GetMemory().Span;
        var offsets = new long[bytes.Length / 4];
        for (var i = 0; i < offsets.Length; i++)
        {
            offsets[i] = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[(i * 4)..]);
        }

        return offsets;
    }

    /// <summary>Groups fragments into frames.</summary>
    /// <param name="numberOfFrames">Number of Frames (0028,0008); 1 when absent.</param>
    /// <param name="extendedOffsets">Extended Offset Table (7FE0,0001) values, if present.</param>
    /// <returns>For each frame, its fragments in order.</returns>
    /// <remarks>Without offset tables: one frame takes all fragments, or one fragment per frame when the counts match.</remarks>
    public IReadOnlyList<IReadOnlyList<DicomBuffer>> GetFrames(int numberOfFrames = 1, IReadOnlyList<ulong>? extendedOffsets = null)
    {
        var starts = extendedOffsets is { Count: > 0 } ? extendedOffsets.Select(o => (long)o).ToList() : [.. GetBasicOffsets()];
        if (starts.Count == 0)
        {
            if (numberOfFrames <= 1)
            {
                return [_fragments];
            }

            return _fragments.Count == numberOfFrames ? [.. _fragments.Select(f => (IReadOnlyList<DicomBuffer>)[f])] : [_fragments];
        }

        var frames = new List<IReadOnlyList<DicomBuffer>>();
        long position = 0;
        var frameIndex = -1;
        List<DicomBuffer>? current = null;
        foreach (var fragment in _fragments)
        {
            while (frameIndex + 1 < starts.Count && starts[frameIndex + 1] <= position)
            {
                frameIndex++;
                current = [];
                frames.Add(current);
            }

            current ??= [];
            if (frames.Count == 0)
            {
                frames.Add(current);
            }

            current.Add(fragment);
            position += 8 + fragment.Length;
        }

        return frames;
    }
}
