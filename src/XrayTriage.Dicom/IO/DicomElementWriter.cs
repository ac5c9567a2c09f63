using System.Buffers.Binary;

namespace XrayTriage.Dicom.IO;

/// <summary>Writes elements, sequences and fragments in one VR encoding and byte order.</summary>
internal sealed class DicomElementWriter(Stream stream, bool explicitVR, bool bigEndian)
{
    private const uint Undefined = 0xFFFFFFFF;
    private readonly byte[] _scratch = new byte[12];

    public void WriteDataset(DicomDataset dataset, Func<DicomItem, bool>? include = null)
    {
        var groupLengths = GroupLengths(dataset, explicitVR);
        foreach (var item in dataset)
        {
            if (include is not null && !include(item))
            {
                continue;
            }

            if (item.Tag.IsGroupLength && item is DicomElement)
            {
                var value = new byte[4];
                BinaryPrimitives.WriteUInt32LittleEndian(value, (uint)groupLengths.GetValueOrDefault(item.Tag.Group));
                WriteElement(new DicomElement(item.Tag, DicomVR.UL, DicomBuffer.FromBytes(value)));
                continue;
            }

            WriteItem(item);
        }
    }

    public static long DatasetLength(DicomDataset dataset, bool explicitVR) => dataset.Sum(item => ItemLength(item, explicitVR));

    private static Dictionary<ushort, long> GroupLengths(DicomDataset dataset, bool explicitVR)
    {
        var lengths = new Dictionary<ushort, long>();
        foreach (var item in dataset)
        {
            if (!item.Tag.IsGroupLength)
            {
                lengths[item.Tag.Group] = lengths.GetValueOrDefault(item.Tag.Group) + ItemLength(item, explicitVR);
            }
        }

        return lengths;
    }

    private static long ItemLength(DicomItem item, bool explicitVR)
    {
        switch (item)
        {
            case DicomSequence sequence:
                return HeaderLength(DicomVR.SQ, explicitVR) + 8 + sequence.Items.Sum(i => 16 + DatasetLength(i, explicitVR));
            case DicomFragmentSequence fragments:
                return HeaderLength(fragments.VR, explicitVR) + 8 + 8 + Even(fragments.OffsetTable.Length)
                    + fragments.Fragments.Sum(f => 8 + Even(f.Length));
            case DicomElement element:
                return HeaderLength(EffectiveVR(element, explicitVR), explicitVR) + Even(element.Length);
            default:
                return 0;
        }
    }

    private static long HeaderLength(DicomVR vr, bool explicitVR) => explicitVR && vr.HasLongHeader ? 12 : 8;

    private static long Even(long length) => length + (length & 1);

    private static DicomVR EffectiveVR(DicomElement element, bool explicitVR)
        => explicitVR && !element.VR.HasLongHeader && Even(element.Length) > ushort.MaxValue ? DicomVR.UN : element.VR;

    private void WriteItem(DicomItem item)
    {
        switch (item)
        {
            case DicomSequence sequence:
                WriteHeader(sequence.Tag, DicomVR.SQ, Undefined);
                foreach (var child in sequence.Items)
                {
                    WriteHeader(DicomTag.Item, null, Undefined);
                    WriteDataset(child);
                    WriteHeader(DicomTag.ItemDelimitationItem, null, 0);
                }

                WriteHeader(DicomTag.SequenceDelimitationItem, null, 0);
                break;
            case DicomFragmentSequence fragments:
                WriteHeader(fragments.Tag, fragments.VR, Undefined);
                WriteFragment(fragments.OffsetTable);
                foreach (var fragment in fragments.Fragments)
                {
                    WriteFragment(fragment);
                }

                WriteHeader(DicomTag.SequenceDelimitationItem, null, 0);
                break;
            case DicomElement element:
                WriteElement(element);
                break;
        }
    }

    private void WriteFragment(DicomBuffer buffer)
    {
        WriteHeader(DicomTag.Item, null, checked((uint)Even(buffer.Length)));
        WriteValue(buffer, DicomVR.OB);
    }

    private void WriteElement(DicomElement element)
    {
        var vr = EffectiveVR(element, explicitVR);
        WriteHeader(element.Tag, vr, checked((uint)Even(element.Length)));
        WriteValue(element.Buffer, element.VR);
    }

    private void WriteValue(DicomBuffer buffer, DicomVR vr)
    {
        var swap = bigEndian ? vr.SwapSize : 1;
        if (swap > 1)
        {
            var bytes = buffer.GetMemory().ToArray();
            ByteOrder.Swap(bytes, swap);
            stream.Write(bytes);
        }
        else
        {
            buffer.CopyTo(stream);
        }

        if ((buffer.Length & 1) == 1)
        {
            stream.WriteByte(vr.PaddingByte);
        }
    }

    private void WriteHeader(DicomTag tag, DicomVR? vr, uint length)
    {
        var s = _scratch.AsSpan();
        WriteUInt16(s, tag.Group);
        WriteUInt16(s[2..], tag.Element);
        if (vr is null || !explicitVR)
        {
            WriteUInt32(s[4..], length);
            stream.Write(s[..8]);
            return;
        }

        s[4] = (byte)vr.Code[0];
        s[5] = (byte)vr.Code[1];
        if (vr.HasLongHeader)
        {
            s[6] = 0;
            s[7] = 0;
            WriteUInt32(s[8..], length);
            stream.Write(s[..12]);
        }
        else
        {
            WriteUInt16(s[6..], (ushort)length);
            stream.Write(s[..8]);
        }
    }

    private void WriteUInt16(Span<byte> s, ushort value)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt16BigEndian(s, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt16LittleEndian(s, value);
        }
    }

    private void WriteUInt32(Span<byte> s, uint value)
    {
        if (bigEndian)
        {
            BinaryPrimitives.WriteUInt32BigEndian(s, value);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(s, value);
        }
    }
}
