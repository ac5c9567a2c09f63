namespace XrayTriage.Dicom.IO;

/// <summary>Sequences, items and encapsulated pixel data fragments.</summary>
internal sealed partial class DicomParser
{
    private DicomSequence ReadSequence(DicomTag tag, uint length, long offset, int depth, bool implicitLittleEndian)
    {
        if (depth + 1 > _options.MaxDepth)
        {
            throw Fail(tag, offset, $"sequences are nested deeper than {_options.MaxDepth} levels");
        }

        long end = -1;
        if (length != Undefined)
        {
            end = _source.Position + ClampToInput(tag, offset, length, "sequence");
        }

        var savedExplicit = _explicit;
        var savedBigEndian = _bigEndian;
        if (implicitLittleEndian)
        {
            // PS3.5 §6.2.2: an undefined-length UN value is encoded as Implicit VR Little Endian.
            _explicit = false;
            _bigEndian = false;
        }

        var sequence = new DicomSequence(tag);
        try
        {
            ReadItems(sequence, end, depth);
        }
        finally
        {
            _explicit = savedExplicit;
            _bigEndian = savedBigEndian;
        }

        return sequence;
    }

    private void ReadItems(DicomSequence sequence, long end, int depth)
    {
        while (true)
        {
            var offset = _source.Position;
            if (end >= 0 && offset >= end)
            {
                return;
            }

            if (!_source.Ensure(8))
            {
                if (end < 0 && !_source.Ensure(1))
                {
                    return; // a missing sequence delimiter at the end of the input is tolerated, as DCMTK does
                }

                throw Fail(sequence.Tag, offset, "the input ends inside a sequence");
            }

            var tag = new DicomTag(_source.ReadUInt16(_bigEndian), _source.ReadUInt16(_bigEndian));
            var length = _source.ReadUInt32(_bigEndian);
            if (tag == DicomTag.SequenceDelimitationItem)
            {
                return;
            }

            if (tag == DicomTag.ItemDelimitationItem)
            {
                continue;
            }

            if (tag != DicomTag.Item)
            {
                throw Fail(sequence.Tag, offset, $"expected an item (FFFE,E000) in the sequence, found {tag}");
            }

            CountItem(sequence.Tag, offset);
            var item = new DicomDataset();
            sequence.Add(item);
            if (length == Undefined)
            {
                if (ReadDataset(item, -1, depth + 1) == Stop.SequenceDelimiter)
                {
                    return;
                }
            }
            else
            {
                ReadDataset(item, _source.Position + ClampToInput(sequence.Tag, offset, length, "item"), depth + 1);
            }
        }
    }

    /// <summary>A sequence or item length checked against the limits; one that runs past the end of the input is cut to
    /// it with a warning when <see cref="DicomReaderOptions.ClampOverlongItems"/> allows.</summary>
    private long ClampToInput(DicomTag tag, long offset, uint length, string what)
    {
        if (_options.ClampOverlongItems && _source.Remaining is { } remaining && length > remaining && length <= _options.MaxElementLength)
        {
            Warnings.Add(
                $"{DicomDataset.Describe(tag)} at offset {offset}: the {what} claims {length} bytes, " +
                $"{length - remaining} more than the input holds; read to the end of the input");
            return remaining;
        }

        CheckLength(tag, offset, length);
        return length;
    }

    private DicomFragmentSequence ReadFragments(DicomTag tag, DicomVR vr)
    {
        DicomBuffer? offsetTable = null;
        var fragments = new List<DicomBuffer>();
        while (true)
        {
            var itemOffset = _source.Position;
            if (!_source.Ensure(8))
            {
                if (!_source.Ensure(1))
                {
                    break; // missing sequence delimiter at the end of the file
                }

                throw Fail(tag, itemOffset, "the input ends inside a fragment header");
            }

            var itemTag = new DicomTag(_source.ReadUInt16(_bigEndian), _source.ReadUInt16(_bigEndian));
            var length = _source.ReadUInt32(_bigEndian);
            if (itemTag == DicomTag.SequenceDelimitationItem)
            {
                break;
            }

            if (itemTag != DicomTag.Item || length == Undefined)
            {
                throw Fail(tag, itemOffset, $"expected a fragment item (FFFE,E000) with a defined length, found {itemTag} length {length}");
            }

            CountItem(tag, itemOffset);
            var value = ReadValue(tag, itemOffset, length, DicomVR.OB);
            if (offsetTable is null)
            {
                offsetTable = value;
            }
            else
            {
                fragments.Add(value);
            }
        }

        return new DicomFragmentSequence(tag, vr == DicomVR.OW ? DicomVR.OW : DicomVR.OB, offsetTable ?? DicomBuffer.Empty, fragments);
    }
}
