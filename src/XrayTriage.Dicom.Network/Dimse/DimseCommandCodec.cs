using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Dimse;

/// <summary>Encodes and decodes DIMSE command sets (group 0000, always Implicit VR Little Endian).</summary>
/// <remarks>
/// PS3.7 §6.3.1 and §9.3. Command Group Length (0000,0000) is written first and recomputed; decoding is
/// bounded (a command set is a few hundred bytes) and every failure becomes a <see cref="DicomNetworkException"/>.
/// </remarks>
public static class DimseCommandCodec
{
    /// <summary>The largest command set accepted when decoding.</summary>
    public const int MaxCommandLength = 64 * 1024;

    private static readonly DicomReaderOptions CommandReaderOptions = new()
    {
        MaxElementLength = MaxCommandLength,
        MaxDepth = 2,
        MaxItemCount = 1024,
        MaxTotalBytes = MaxCommandLength,
    };

    /// <summary>Encodes a command set.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The Implicit VR Little Endian bytes to send as command PDVs.</returns>
    public static byte[] Encode(DimseCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var dataset = new DicomDataset();
        dataset.Add(DicomTags.CommandGroupLength, 0u);
        dataset.Add(DicomTags.CommandField, (ushort)command.CommandField);
        dataset.Add(DicomTags.CommandDataSetType, command.HasDataSet ? DimseCommand.DataSetPresent : DimseCommand.NoDataSet);
        command.WriteFields(dataset);
        return DicomDatasetWriter.ToArray(dataset, TransferSyntax.ImplicitVRLittleEndian);
    }

    /// <summary>Decodes a command set.</summary>
    /// <param name="bytes">The reassembled command PDVs.</param>
    /// <returns>The typed command, or an <see cref="UnknownDimseCommand"/> for services not implemented here.</returns>
    /// <exception cref="DicomNetworkException">The bytes are not a valid command set.</exception>
    public static DimseCommand Decode(ReadOnlyMemory<byte> bytes)
    {
        if (bytes.Length > MaxCommandLength)
        {
            throw Invalid($"{bytes.Length} bytes exceed the {MaxCommandLength}-byte limit");
        }

        DicomDataset dataset;
        try
        {
            dataset = DicomReader.ReadDataset(bytes, TransferSyntax.ImplicitVRLittleEndian, CommandReaderOptions);
        }
        catch (DicomParseException ex)
        {
            throw Invalid(ex.Message, ex);
        }

        if (dataset.Any(item => item.Tag.Group != 0x0000))
        {
            throw Invalid("it contains elements outside group 0000");
        }

        var field = RequiredUInt16(dataset, DicomTags.CommandField);
        var hasDataSet = RequiredUInt16(dataset, DicomTags.CommandDataSetType) != DimseCommand.NoDataSet;
        return (DimseCommandField)field switch
        {
            DimseCommandField.CEchoRq => new CEchoRequest(
                RequiredUInt16(dataset, DicomTags.MessageID), RequiredString(dataset, DicomTags.AffectedSOPClassUID)),
            DimseCommandField.CEchoRsp => new CEchoResponse(
                RequiredUInt16(dataset, DicomTags.MessageIDBeingRespondedTo),
                new DimseStatus(RequiredUInt16(dataset, DicomTags.Status)),
                OptionalString(dataset, DicomTags.AffectedSOPClassUID)),
            DimseCommandField.CStoreRq when hasDataSet => new CStoreRequest(
                RequiredUInt16(dataset, DicomTags.MessageID),
                RequiredString(dataset, DicomTags.AffectedSOPClassUID),
                RequiredString(dataset, DicomTags.AffectedSOPInstanceUID),
                (DimsePriority)(OptionalUInt16(dataset, DicomTags.Priority) ?? 0))
            {
                MoveOriginatorAeTitle = OptionalString(dataset, DicomTags.MoveOriginatorApplicationEntityTitle),
                MoveOriginatorMessageId = OptionalUInt16(dataset, DicomTags.MoveOriginatorMessageID),
            },
            DimseCommandField.CStoreRq => throw Invalid("a C-STORE-RQ must be followed by a data set"),
            DimseCommandField.CStoreRsp => new CStoreResponse(
                RequiredUInt16(dataset, DicomTags.MessageIDBeingRespondedTo),
                new DimseStatus(RequiredUInt16(dataset, DicomTags.Status)),
                OptionalString(dataset, DicomTags.AffectedSOPClassUID),
                OptionalString(dataset, DicomTags.AffectedSOPInstanceUID))
            {
                ErrorComment = OptionalString(dataset, DicomTags.ErrorComment),
            },
            _ => new UnknownDimseCommand(
                field, OptionalUInt16(dataset, DicomTags.MessageID), OptionalString(dataset, DicomTags.AffectedSOPClassUID), hasDataSet),
        };
    }

    private static ushort RequiredUInt16(DicomDataset dataset, DicomTag tag) =>
        OptionalUInt16(dataset, tag) ?? throw Invalid($"{tag} is missing or not an unsigned 16-bit value");

    private static ushort? OptionalUInt16(DicomDataset dataset, DicomTag tag)
    {
        try
        {
            return dataset.TryGetInt32(tag, out var value) && value is >= 0 and <= ushort.MaxValue ? (ushort)value : null;
        }
        catch (InvalidCastException)
        {
            return null;
        }
    }

    private static string RequiredString(DicomDataset dataset, DicomTag tag) =>
        OptionalString(dataset, tag) is { Length: > 0 } value ? value : throw Invalid($"{tag} is missing or empty");

    private static string? OptionalString(DicomDataset dataset, DicomTag tag)
    {
        try
        {
            return dataset.TryGetString(tag, out var value) ? value.Trim(' ', '\0') : null;
        }
        catch (Exception ex) when (ex is FormatException or InvalidCastException)
        {
            return null;
        }
    }

    private static DicomNetworkException Invalid(string reason, Exception? inner = null) =>
        new($"Invalid DIMSE command set: {reason}.", isTransient: false, AbortReason.InvalidPduParameterValue, inner);
}
