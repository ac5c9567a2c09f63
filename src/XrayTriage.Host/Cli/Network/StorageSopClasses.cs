using XrayTriage.Dicom;

namespace XrayTriage.Host.Cli.Network;

/// <summary>The storage SOP classes <c>xraytriage receive</c> accepts: every registered, non-retired Storage SOP
/// Class (PS3.4 Annex B.5), so it can stand in for a test PACS.</summary>
internal static class StorageSopClasses
{
    public static readonly IReadOnlySet<string> All =
        DicomUid.Registered.Where(u => u.IsStorageSopClass).Select(u => u.Value).ToHashSet(StringComparer.Ordinal);
}
