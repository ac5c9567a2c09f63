namespace XrayTriage.Reporting.Delivery;

/// <summary>TLS towards one destination: the CA bundle its certificate must chain to (system store when empty), the
/// host name to check, and this service's client certificate for mutual TLS.</summary>
public sealed class PacsTlsOptions
{
    public bool Enabled { get; set; }

    /// <summary>PEM bundle of trusted CAs; empty: the operating system's trust store.</summary>
    public string? TrustedCaPath { get; set; }

    /// <summary>Name expected in the destination's certificate; empty: <see cref="PacsDestinationOptions.Host"/>.</summary>
    public string? ServerName { get; set; }

    /// <summary>Client certificate (PEM with <see cref="ClientKeyPath"/>, or PFX) for destinations that require mutual TLS.</summary>
    public string? ClientCertificatePath { get; set; }

    public string? ClientKeyPath { get; set; }
}
