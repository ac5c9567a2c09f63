namespace XrayTriage.Dicom;

/// <summary>Private data elements resolved through their private creators (PS3.5 §7.8.1).</summary>
public sealed partial class DicomDataset
{
    /// <summary>The private creator string that reserves the block of a private tag (gggg,xxyy), if present.</summary>
    /// <param name="tag">A private data element tag.</param>
    /// <returns>The creator, or null.</returns>
    public string? GetPrivateCreator(DicomTag tag)
        => tag.PrivateCreatorTag is { } creatorTag && TryGetString(creatorTag, out var creator) ? creator : null;

    /// <summary>Resolves a private tag: finds the block reserved by <paramref name="creator"/> in <paramref name="group"/>.</summary>
    /// <param name="group">The odd group.</param>
    /// <param name="creator">The private creator string, e.g. "SIEMENS CSA HEADER".</param>
    /// <param name="elementOffset">The low byte of the element (yy in gggg,xxyy).</param>
    /// <param name="tag">The resolved tag.</param>
    /// <returns>True when the creator is present in the group.</returns>
    public bool TryGetPrivateTag(ushort group, string creator, byte elementOffset, out DicomTag tag)
    {
        ArgumentNullException.ThrowIfNull(creator);
        for (ushort block = 0x10; block <= 0xFF; block++)
        {
            var creatorTag = new DicomTag(group, block);
            if (TryGetString(creatorTag, out var value) && string.Equals(value.Trim(), creator.Trim(), StringComparison.Ordinal))
            {
                tag = new DicomTag(group, (ushort)((block << 8) | elementOffset));
                return true;
            }
        }

        tag = default;
        return false;
    }

    /// <summary>Gets a private element's value as a string, resolved through its creator.</summary>
    /// <param name="group">The odd group.</param>
    /// <param name="creator">The private creator.</param>
    /// <param name="elementOffset">The low byte of the element.</param>
    /// <returns>The value.</returns>
    /// <exception cref="KeyNotFoundException">The creator or the element is not present.</exception>
    public string GetPrivateString(ushort group, string creator, byte elementOffset)
        => TryGetPrivateTag(group, creator, elementOffset, out var tag)
            ? GetString(tag)
            : throw new KeyNotFoundException($"Private creator '{creator}' is not present in group {group:X4}.");
}
