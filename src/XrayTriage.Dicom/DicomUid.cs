using System.Collections.Frozen;
using System.Numerics;
using System.Security.Cryptography;

namespace XrayTriage.Dicom;

/// <summary>A unique identifier (UI), with its registry name when it is a UID of the standard.</summary>
/// <remarks>PS3.5 §9 (encoding rules), PS3.5 Annex B.2 (UUID-derived UIDs), PS3.6 Annex A (registry).</remarks>
public sealed class DicomUid : IEquatable<DicomUid>
{
    private static readonly Lazy<FrozenDictionary<string, DicomUid>> Registry = new(
        () => DicomUidRegistryData.All.GroupBy(u => u.Value, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));

    internal DicomUid(string value, string name, string type, string keyword, bool isRetired)
    {
        Value = value;
        Name = name;
        Type = type;
        Keyword = keyword;
        IsRetired = isRetired;
    }

    /// <summary>The dotted UID, e.g. "1.2.840.10008.1.2.1".</summary>
    public string Value { get; }

    /// <summary>The registry name, or an empty string for UIDs that are not in the standard's registry.</summary>
    public string Name { get; }

    /// <summary>The registry type ("Transfer Syntax", "SOP Class", ...), or an empty string.</summary>
    public string Type { get; }

    /// <summary>The registry keyword, or an empty string.</summary>
    public string Keyword { get; }

    /// <summary>True when the registry marks the UID as retired.</summary>
    public bool IsRetired { get; }

    /// <summary>True when the UID is in the standard's registry.</summary>
    public bool IsKnown => Name.Length > 0;

    /// <summary>Every UID of the registry this toolkit was generated from (PS3.6 Annex A), retired ones included.</summary>
    public static IReadOnlyList<DicomUid> Registered { get; } = Array.AsReadOnly(DicomUidRegistryData.All);

    /// <summary>Whether this is a registered, non-retired Storage SOP Class (PS3.4 Annex B; UIDs under
    /// 1.2.840.10008.5.1.4.1.1).</summary>
    public bool IsStorageSopClass => !IsRetired && Type == "SOP Class"
        && Value.StartsWith("1.2.840.10008.5.1.4.1.1.", StringComparison.Ordinal);

    /// <summary>Parses a UID, trimming trailing NUL/space padding, and attaches its registry entry if any.</summary>
    /// <param name="value">The UID text.</param>
    /// <returns>The UID.</returns>
    /// <exception cref="FormatException">The value is not a valid UID (see <see cref="IsValid"/>).</exception>
    public static DicomUid Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.TrimEnd('\0', ' ');
        if (!IsValid(trimmed))
        {
            throw new FormatException($"'{trimmed}' is not a valid DICOM UID (PS3.5 §9.1).");
        }

        return Lookup(trimmed);
    }

    /// <summary>Finds a UID of the registry, or wraps any text without validation (real files carry invalid UIDs).</summary>
    /// <param name="value">The UID text.</param>
    /// <returns>The UID.</returns>
    public static DicomUid Lookup(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var trimmed = value.TrimEnd('\0', ' ');
        return Registry.Value.TryGetValue(trimmed, out var known)
            ? known
            : new DicomUid(trimmed, string.Empty, string.Empty, string.Empty, false);
    }

    /// <summary>Checks PS3.5 §9.1: at most 64 characters, digits and dots, no empty component, no leading zero.</summary>
    /// <param name="value">The UID text.</param>
    /// <returns>True when valid.</returns>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64)
        {
            return false;
        }

        foreach (var component in value.Split('.'))
        {
            if (component.Length == 0 || (component.Length > 1 && component[0] == '0') || !component.All(char.IsAsciiDigit))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Generates a new UID, <c>2.25.</c> followed by a random UUID as an integer (PS3.5 Annex B.2).</summary>
    /// <returns>The UID.</returns>
    public static DicomUid Generate()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        var integer = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        return new DicomUid(
            "2.25." + integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
            string.Empty,
            string.Empty,
            string.Empty,
            false);
    }

    /// <summary>Generates a new UID under an organisation root: <c>root.</c> plus random decimal digits, at most 64 characters.</summary>
    /// <param name="root">The organisation's registered root, e.g. "1.2.826.0.1.3680043.10.1234".</param>
    /// <returns>The UID.</returns>
    /// <exception cref="ArgumentException">The root is invalid or too long to leave room for 10 digits.</exception>
    public static DicomUid Generate(string root)
    {
        if (!IsValid(root) || root.Length > 52)
        {
            throw new ArgumentException($"'{root}' is not a valid UID root of at most 52 characters.", nameof(root));
        }

        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        var digits = new BigInteger(bytes, isUnsigned: true).ToString(System.Globalization.CultureInfo.InvariantCulture).TrimStart('0');
        var room = 64 - root.Length - 1;
        var suffix = digits.Length == 0 ? "1" : digits[..Math.Min(room, digits.Length)];
        return new DicomUid(root + "." + suffix, string.Empty, string.Empty, string.Empty, false);
    }

    /// <inheritdoc />
    public bool Equals(DicomUid? other) => other is not null && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as DicomUid);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;

    /// <summary>Compares UIDs by value.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when equal.</returns>
    public static bool operator ==(DicomUid? left, DicomUid? right) => left?.Equals(right) ?? right is null;

    /// <summary>Compares UIDs by value.</summary>
    /// <param name="left">Left.</param>
    /// <param name="right">Right.</param>
    /// <returns>True when different.</returns>
    public static bool operator !=(DicomUid? left, DicomUid? right) => !(left == right);
}
