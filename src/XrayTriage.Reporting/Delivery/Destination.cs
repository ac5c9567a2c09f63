using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Reporting.Delivery;

/// <summary>A configured destination resolved once at start-up: its name and the association settings (AE titles,
/// time limits, TLS with certificates loaded).</summary>
internal sealed record Destination(string Name, DicomScuOptions ScuOptions)
{
    public string Describe() => $"destination '{Name}' ({ScuOptions.CalledAeTitle}@{ScuOptions.Host}:{ScuOptions.Port})";
}
