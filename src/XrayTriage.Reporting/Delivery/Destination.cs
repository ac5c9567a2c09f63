using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Reporting.Delivery;

/// <summary>A configured destination resolved once at start-up: its name and the association settings (AE titles,
/// time limits, TLS with certificates loaded) and how many reports it is sent at once.</summary>
internal sealed record Destination(string Name, DicomScuOptions ScuOptions, int MaxAssociations = 1)
{
    public string Describe() => $"destination '{Name}' ({ScuOptions.CalledAeTitle}@{ScuOptions.Host}:{ScuOptions.Port})";
}
