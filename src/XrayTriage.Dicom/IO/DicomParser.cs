namespace XrayTriage.Dicom.IO;

/// <summary>Parses data set elements from a <see cref="DicomSource"/> under the limits of <see cref="DicomReaderOptions"/>.</summary>
/// <remarks>PS3.5 §7 (element encoding), §7.5 (sequences and items), §A.4 (encapsulated pixel data).</remarks>
internal sealed partial class DicomParser
{
    private const uint Undefined = 0xFFFFFFFF;
    private static readonly DicomTag PixelData = new(0x7FE0, 0x0010);
    private readonly DicomSource _source;
    private readonly DicomReaderOptions _options;
    private bool _explicit;
    private bool _bigEndian;
    private int _itemCount;

    public DicomParser(DicomSource source, DicomReaderOptions options, bool explicitVR, bool bigEndian)
    {
        _source = source;
        _options = options;
        _explicit = explicitVR;
        _bigEndian = bigEndian;
    }

    /// <summary>What was read leniently and how (see <see cref="DicomReaderOptions.ClampOverlongItems"/>).</summary>
    public List<string> Warnings { get; } = [];

    public bool ExplicitVR
    {
        get => _explicit;
        set => _explicit = value;
    }

    /// <summary>Why reading a data set stopped.</summary>
    internal enum Stop
    {
        End,
        ItemDelimiter,
        SequenceDelimiter,
        Predicate,
    }

    /// <summary>Reads elements into <paramref name="dataset"/> until <paramref name="end"/>
    /// (or a delimiter / end of input when -1).</summary>
    public Stop ReadDataset(DicomDataset dataset, long end, int depth, Func<DicomTag, bool>? stopBefore = null)
    {
        while (true)
        {
            var offset = _source.Position;
            if (end >= 0 && offset >= end)
            {
                if (offset > end)
                {
                    throw Fail(null, offset, $"an element runs past the end of its item at offset {end}");
                }

                return Stop.End;
            }

            if (!_source.Ensure(1))
            {
                return Stop.End;
            }

            if (!_source.Ensure(8))
            {
                if (depth == 0 && end < 0 && AllZero(_source.Peek((int)Math.Min(8, _source.Remaining ?? 0))))
                {
                    _source.Skip(_source.Remaining ?? 0);
                    return Stop.End;
                }

                throw Fail(null, offset, "the input ends inside an element header");
            }

            var peek = _source.Peek(4);
            var tag = _bigEndian
                ? new DicomTag((ushort)((peek[0] << 8) | peek[1]), (ushort)((peek[2] << 8) | peek[3]))
                : new DicomTag((ushort)(peek[0] | (peek[1] << 8)), (ushort)(peek[2] | (peek[3] << 8)));
            if (stopBefore is not null && stopBefore(tag))
            {
                return Stop.Predicate;
            }

            _source.Skip(4);
            if (tag.Group == 0xFFFE)
            {
                var delimiterLength = _source.ReadUInt32(_bigEndian);
                if (tag == DicomTag.ItemDelimitationItem)
                {
                    if (end < 0 && depth > 0)
                    {
                        return Stop.ItemDelimiter;
                    }

                    continue;
                }

                if (tag == DicomTag.SequenceDelimitationItem && depth > 0)
                {
                    return Stop.SequenceDelimiter;
                }

                throw Fail(
                    tag,
                    offset,
                    $"unexpected {(tag == DicomTag.Item ? "item" : "delimiter")} (length {delimiterLength}) inside a data set");
            }

            DicomItem? item;
            try
            {
                item = ReadElement(tag, offset, depth);
            }
            catch (EndOfStreamException ex)
            {
                throw new DicomParseException(tag, offset, "the input ends inside the element: " + ex.Message, ex);
            }

            if (item is null)
            {
                return Stop.Predicate;
            }

            if (!_explicit && item is DicomElement { VR.Code: "US" } element && DicomDictionary.Find(tag)?.VRCode == "xs"
                && dataset.TryGetInt32(DicomTags.PixelRepresentation, out var representation) && representation == 1)
            {
                // "US or SS" in Implicit VR follows Pixel Representation, as DCMTK and pydicom resolve it.
                item = new DicomElement(tag, DicomVR.SS, element.Buffer);
            }

            dataset.AddOrUpdate(item);
        }
    }

    private DicomItem? ReadElement(DicomTag tag, long offset, int depth)
    {
        var (vr, length) = ReadVRAndLength(tag, offset);
        var isPixelData = tag == PixelData || tag == new DicomTag(0x7FE0, 0x0008) || tag == new DicomTag(0x7FE0, 0x0009);
        if (depth == 0 && isPixelData && _options.StopBeforePixelData)
        {
            return null;
        }

        if (length == Undefined)
        {
            if (tag == PixelData && vr != DicomVR.SQ && vr != DicomVR.UN)
            {
                return ReadFragments(tag, vr);
            }

            return ReadSequence(tag, length, offset, depth, vr == DicomVR.UN || !_explicit);
        }

        if (vr == DicomVR.SQ)
        {
            return ReadSequence(tag, length, offset, depth, !_explicit);
        }

        return new DicomElement(tag, vr, ReadValue(tag, offset, length, vr));
    }

    private (DicomVR VR, uint Length) ReadVRAndLength(DicomTag tag, long offset)
    {
        if (_explicit)
        {
            var vrBytes = _source.Peek(2);
            if (DicomVR.TryParse(vrBytes[0], vrBytes[1], out var vr))
            {
                _source.Skip(2);
                if (vr.HasLongHeader)
                {
                    _source.Skip(2);
                    return (vr, _source.ReadUInt32(_bigEndian));
                }

                return (vr, _source.ReadUInt16(_bigEndian));
            }

            if (vrBytes[0] is >= (byte)'A' and <= (byte)'Z' && vrBytes[1] is >= (byte)'A' and <= (byte)'Z')
            {
                // Like DCMTK: an unknown VR of two capital letters is taken as a future VR with a 32-bit length.
                _source.Skip(4);
                return (DicomVR.UN, _source.ReadUInt32(_bigEndian));
            }

            // Not a VR at all: either the element is implicitly encoded inside an explicit data set (pydicom reads
            // those), or a blank/garbage VR with a 16-bit length follows (DCMTK reads those). Prefer the reading
            // whose length fits in the input.
            var header = _source.PeekUpTo(4);
            if (header.Length == 4 && _source.Remaining is { } left)
            {
                var implicitLength = _bigEndian
                    ? System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(header)
                    : System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(header);
                if (implicitLength != Undefined && implicitLength > left - 4)
                {
                    _source.Skip(2);
                    return (DicomVR.UN, _source.ReadUInt16(_bigEndian));
                }
            }
        }

        if (!_source.Ensure(4))
        {
            throw Fail(tag, offset, "the input ends inside an element header");
        }

        return (ImplicitVR(tag), _source.ReadUInt32(_bigEndian));
    }

    internal static DicomVR ImplicitVR(DicomTag tag)
    {
        if (tag.IsPrivateCreator)
        {
            return DicomVR.LO;
        }

        if (tag.IsPrivate)
        {
            return DicomVR.UN;
        }

        return DicomDictionary.Find(tag)?.ImplicitVR ?? DicomVR.UN;
    }

    private DicomBuffer ReadValue(DicomTag tag, long offset, uint length, DicomVR vr)
    {
        CheckLength(tag, offset, length);
        if (length == 0)
        {
            return DicomBuffer.Empty;
        }

        var swap = _bigEndian ? vr.SwapSize : 1;
        if (_source.FilePath is { } path && length >= _options.LazyThreshold)
        {
            var buffer = new DicomFileBuffer(path, _source.Position, length, swap);
            _source.Skip(length);
            return buffer;
        }

        var bytes = _source.ReadBytes(length);
        if (swap > 1)
        {
            ByteOrder.Swap(bytes, swap);
        }

        return DicomBuffer.FromBytes(bytes);
    }

    private void CheckLength(DicomTag tag, long offset, long length)
    {
        if (length > _options.MaxElementLength)
        {
            throw Fail(tag, offset, $"value length {length} exceeds the limit of {_options.MaxElementLength} bytes");
        }

        if (_source.Remaining is { } remaining && length > remaining)
        {
            throw Fail(tag, offset, $"value length {length} exceeds the {remaining} bytes left in the input");
        }

        if (_source.Consumed + length > _options.MaxTotalBytes)
        {
            throw Fail(tag, offset, $"the input exceeds the limit of {_options.MaxTotalBytes} bytes");
        }
    }

    private void CountItem(DicomTag tag, long offset)
    {
        if (++_itemCount > _options.MaxItemCount)
        {
            throw Fail(tag, offset, $"more than {_options.MaxItemCount} items");
        }
    }

    private static bool AllZero(ReadOnlySpan<byte> bytes) => !bytes.ContainsAnyExcept((byte)0);

    internal static DicomParseException Fail(DicomTag? tag, long offset, string reason) => new(tag, offset, reason);
}
