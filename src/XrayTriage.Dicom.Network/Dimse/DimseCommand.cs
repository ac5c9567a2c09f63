namespace XrayTriage.Dicom.Network.Dimse;

/// <summary>A DIMSE command set: the fields of one request or response, encoded in Implicit VR Little Endian.</summary>
/// <remarks>PS3.7 §6.3 and §9.3; <see cref="DimseCommandCodec"/> encodes and decodes it.</remarks>
public abstract record DimseCommand
{
    private protected DimseCommand()
    {
    }

    /// <summary>The Command Data Set Type (0000,0800) value meaning "no data set follows".</summary>
    public const ushort NoDataSet = 0x0101;

    /// <summary>The Command Data Set Type value we send when a data set follows (any other value than 0101H).</summary>
    public const ushort DataSetPresent = 0x0000;

    /// <summary>Gets the Command Field (0000,0100).</summary>
    public abstract DimseCommandField CommandField { get; }

    /// <summary>Gets whether a data set follows the command (Command Data Set Type ≠ 0101H).</summary>
    public abstract bool HasDataSet { get; }

    internal abstract void WriteFields(DicomDataset command);
}
