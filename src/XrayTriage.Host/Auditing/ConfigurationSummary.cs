using System.Globalization;
using XrayTriage.Inference;
using XrayTriage.Ingest;

namespace XrayTriage.Host.Auditing;

/// <summary>
/// The effective configuration of <c>serve</c> in one line for the audit trail: what an auditor needs to know which
/// listener, allow-list, spool and model were in force. Built from an explicit list of non-secret settings — never the
/// connection string, passwords, or key/certificate file contents or paths — so a new secret setting cannot leak in.
/// </summary>
internal static class ConfigurationSummary
{
    public static string Describe(IngestOptions dicom, string spoolRoot, EnsembleEngine engine, string urls)
    {
        var tls = dicom.Tls.Enabled ? dicom.Tls.RequireClientCertificate ? "on (mutual)" : "on" : "off";
        var allowList = dicom.AllowedCallingAeTitles.Count == 0 && dicom.AllowedPeers.Count == 0
            ? "any calling AE"
            : $"{dicom.AllowedCallingAeTitles.Count} AE title(s), {dicom.AllowedPeers.Count} pinned peer(s)";
        return string.Create(CultureInfo.InvariantCulture,
            $"configuration loaded: AE {dicom.AeTitle}, DICOM {dicom.BindAddress}:{dicom.Port}, TLS {tls}, allow-list {allowList}, " +
            $"max associations {dicom.MaxAssociations} ({dicom.MaxAssociationsPerPeer} per peer), " +
            $"spool {spoolRoot} (watermark {dicom.MinFreeDiskBytes} bytes), " +
            $"model {engine.Manifest.Name} {engine.Manifest.Version} on {engine.ActiveProvider}, web {urls}, " +
            $"{OperatingPointMarker}{engine.TriagePolicy.OperatingPoint?.Describe()}");
    }

    /// <summary>Starts the last part of the summary, so the next start can find the operating point in force before it.</summary>
    public const string OperatingPointMarker = "operating point ";

    /// <summary>The operating point a summary recorded, or null for one written before the summary carried it.</summary>
    public static string? OperatingPointOf(string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var at = detail.LastIndexOf(", " + OperatingPointMarker, StringComparison.Ordinal);
        return at < 0 ? null : detail[(at + 2 + OperatingPointMarker.Length)..];
    }
}
