namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>What a PDV completed in a <see cref="PDataReassembler"/>.</summary>
/// <remarks>PS3.8 Annex E.</remarks>
public enum ReassemblyStatus
{
    /// <summary>More fragments are needed.</summary>
    NeedMore,

    /// <summary>The last command fragment arrived; <see cref="PDataReassembler.Command"/> is complete.</summary>
    CommandComplete,

    /// <summary>The last data set fragment arrived; take it with <see cref="PDataReassembler.TakeDataSet"/>.</summary>
    DataSetComplete,
}
