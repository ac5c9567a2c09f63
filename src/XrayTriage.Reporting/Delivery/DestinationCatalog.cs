using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Reporting.Delivery;

/// <summary>The configured destinations, resolved once: AE titles, time limits and TLS material loaded from disk (a
/// missing or unreadable certificate stops start-up naming its key, rather than failing every delivery later).</summary>
internal sealed class DestinationCatalog
{
    public const string DefaultCallingAeTitle = "XRAYTRIAGE";

    /// <remarks>An empty <see cref="PacsOptions.CallingAeTitle"/> is this service's own AE title: the host fills it
    /// from the bound <c>Dicom</c> options (this stage references no other); alone, the default AE title.</remarks>
    public DestinationCatalog(IOptions<PacsOptions> pacs, IOptions<ReportingOptions> reporting)
    {
        var options = pacs.Value;
        CallingAeTitle = !string.IsNullOrWhiteSpace(options.CallingAeTitle) ? options.CallingAeTitle.Trim() : DefaultCallingAeTitle;
        Destinations = [.. options.Destinations.Select((d, i) => Resolve(d, i, CallingAeTitle, reporting.Value))];
        Names = [.. Destinations.Select(d => d.Name)];
    }

    public string CallingAeTitle { get; }

    public IReadOnlyList<Destination> Destinations { get; }

    public IReadOnlyList<string> Names { get; }

    private static Destination Resolve(PacsDestinationOptions destination, int index, string callingAeTitle, ReportingOptions reporting)
    {
        var scu = new DicomScuOptions
        {
            Host = destination.Host.Trim(),
            Port = destination.Port,
            CallingAeTitle = callingAeTitle,
            CalledAeTitle = destination.AeTitle.Trim(),
            ConnectTimeout = Min(TimeSpan.FromSeconds(15), reporting.AttemptTimeout),
            DimseTimeout = reporting.AttemptTimeout,
            Tls = destination.Tls.Enabled ? LoadTls(destination, index) : null,
        };
        return new Destination(destination.Name.Trim(), scu, destination.MaxAssociations);
    }

    private static DicomTlsOptions LoadTls(PacsDestinationOptions destination, int index)
    {
        var tls = destination.Tls;
        var prefix = $"{PacsOptions.SectionName}:Destinations:{index}:Tls";
        try
        {
            return new DicomTlsOptions
            {
                TargetHost = string.IsNullOrWhiteSpace(tls.ServerName) ? destination.Host.Trim() : tls.ServerName.Trim(),
                TrustedCertificates = string.IsNullOrWhiteSpace(tls.TrustedCaPath)
                    ? null
                    : DicomTlsOptions.LoadTrustedCertificates(tls.TrustedCaPath),
                Certificate = string.IsNullOrWhiteSpace(tls.ClientCertificatePath)
                    ? null
                    : DicomTlsOptions.LoadCertificate(tls.ClientCertificatePath, tls.ClientKeyPath),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException
            or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new OptionsValidationException(PacsOptions.SectionName, typeof(PacsOptions),
                [$"{prefix}: cannot load the TLS certificates: {ex.Message}"]);
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
