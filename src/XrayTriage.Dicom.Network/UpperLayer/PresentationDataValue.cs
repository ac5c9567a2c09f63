namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>One Presentation Data Value: a fragment of a DIMSE command or data set.</summary>
/// <remarks>
/// PS3.8 §9.3.5.1 and Annex E.2: item length (4), presentation context ID (1), message control header (1:
/// bit 0 set = command, bit 1 set = last fragment), then the fragment.
/// </remarks>
/// <param name="PresentationContextId">The presentation context the fragment belongs to (odd, 1–255).</param>
/// <param name="IsCommand">Whether the fragment is part of a command set (otherwise a data set).</param>
/// <param name="IsLastFragment">Whether this is the last fragment of the command or data set.</param>
/// <param name="Data">The fragment bytes.</param>
public readonly record struct PresentationDataValue(
    byte PresentationContextId, bool IsCommand, bool IsLastFragment, ReadOnlyMemory<byte> Data)
{
    /// <summary>The bytes of a PDV item before its data: item length (4), context ID (1), header (1).</summary>
    public const int Overhead = 6;

    /// <summary>Gets the message control header byte.</summary>
    public byte MessageControlHeader => (byte)((IsCommand ? 1 : 0) | (IsLastFragment ? 2 : 0));
}
