using System.Collections.Frozen;

namespace XrayTriage.Dicom;

/// <summary>A transfer syntax: byte order, VR encoding, deflate and pixel data encapsulation.</summary>
/// <remarks>PS3.5 §10 and Annex A; UIDs in PS3.6 Annex A.</remarks>
public sealed partial class TransferSyntax
{
    private TransferSyntax(
        string uid, bool explicitVR, bool bigEndian, bool deflated, bool encapsulated, bool lossy = false, string? name = null)
    {
        var registered = DicomUid.Lookup(uid);
        Uid = registered.IsKnown || name is null ? registered : new DicomUid(uid, name, "Transfer Syntax", string.Empty, false);
        IsExplicitVR = explicitVR;
        IsBigEndian = bigEndian;
        IsDeflated = deflated;
        IsEncapsulated = encapsulated;
        IsLossy = lossy;
    }

    /// <summary>The transfer syntax UID (with its registry name).</summary>
    public DicomUid Uid { get; }

    /// <summary>The registry name, or the UID when unknown.</summary>
    public string Name => Uid.IsKnown ? Uid.Name : Uid.Value;

    /// <summary>True for Explicit VR encodings.</summary>
    public bool IsExplicitVR { get; }

    /// <summary>True for the retired Explicit VR Big Endian.</summary>
    public bool IsBigEndian { get; }

    /// <summary>True when the data set after the meta information is raw-deflated (PS3.5 §A.5).</summary>
    public bool IsDeflated { get; }

    /// <summary>True when Pixel Data is encapsulated in fragments (PS3.5 §A.4).</summary>
    public bool IsEncapsulated { get; }

    /// <summary>True for lossy compression.</summary>
    public bool IsLossy { get; }

    /// <summary>True when the UID is not one of the registered transfer syntaxes (encoded as Explicit VR LE, encapsulated).</summary>
    public bool IsUnknown { get; private init; }

    /// <summary>Finds a transfer syntax by UID; unknown UIDs are treated as encapsulated Explicit VR Little Endian (PS3.5 §A.4).</summary>
    /// <param name="uid">The UID text (padding is trimmed).</param>
    /// <returns>The transfer syntax.</returns>
    public static TransferSyntax Lookup(string uid)
    {
        ArgumentNullException.ThrowIfNull(uid);
        var trimmed = uid.TrimEnd('\0', ' ');
        return ByUid.TryGetValue(trimmed, out var ts) ? ts : new TransferSyntax(trimmed, true, false, false, true) { IsUnknown = true };
    }

    /// <summary>Finds a registered transfer syntax.</summary>
    /// <param name="uid">The UID text.</param>
    /// <param name="transferSyntax">The transfer syntax when registered.</param>
    /// <returns>True when registered.</returns>
    public static bool TryLookup(string uid, out TransferSyntax transferSyntax)
    {
        ArgumentNullException.ThrowIfNull(uid);
        return ByUid.TryGetValue(uid.TrimEnd('\0', ' '), out transferSyntax!);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} [{Uid.Value}]";

    private static FrozenDictionary<string, TransferSyntax> ByUid => Index.Value;

    private static readonly Lazy<FrozenDictionary<string, TransferSyntax>> Index =
        new(() => All!.ToFrozenDictionary(t => t.Uid.Value, StringComparer.Ordinal));
}
