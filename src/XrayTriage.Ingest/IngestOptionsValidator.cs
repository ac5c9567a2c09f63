using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Ingest;

/// <summary>Stateless checks of <see cref="IngestOptions"/>; every failure names its key.</summary>
internal sealed class IngestOptionsValidator : IValidateOptions<IngestOptions>
{
    private const string Section = IngestOptions.SectionName;
    private const uint MinPduLength = 4096;
    private const uint MaxPduLength = 16u << 20;

    public ValidateOptionsResult Validate(string? name, IngestOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!AeTitle.IsValid(options.AeTitle, out var aeProblem))
        {
            failures.Add($"{Section}:{nameof(IngestOptions.AeTitle)} is not a valid AE title: {aeProblem}");
        }

        if (options.Port is < 1 or > 65535)
        {
            failures.Add(Invariant($"{Section}:{nameof(IngestOptions.Port)} must be between 1 and 65535 (got {options.Port})."));
        }

        if (!IPAddress.TryParse(options.BindAddress, out _))
        {
            failures.Add($"{Section}:{nameof(IngestOptions.BindAddress)} \"{options.BindAddress}\" is not an IP address.");
        }

        if (string.IsNullOrWhiteSpace(options.SpoolPath))
        {
            failures.Add($"{Section}:{nameof(IngestOptions.SpoolPath)} must name a folder.");
        }

        if (options.MinFreeDiskBytes < 0)
        {
            failures.Add(Invariant(
                $"{Section}:{nameof(IngestOptions.MinFreeDiskBytes)} must not be negative (got {options.MinFreeDiskBytes})."));
        }

        for (var i = 0; i < options.AllowedCallingAeTitles.Count; i++)
        {
            if (!AeTitle.IsValid(options.AllowedCallingAeTitles[i], out var problem))
            {
                failures.Add(Invariant($"{Section}:{nameof(IngestOptions.AllowedCallingAeTitles)}:{i} is not a valid AE title: {problem}"));
            }
        }

        for (var i = 0; i < options.AllowedPeers.Count; i++)
        {
            var peer = options.AllowedPeers[i];
            if (!AeTitle.IsValid(peer.AeTitle, out var problem))
            {
                failures.Add(
                    Invariant($"{Section}:{nameof(IngestOptions.AllowedPeers)}:{i}:{nameof(IngestAllowedPeer.AeTitle)} ") +
                    Invariant($"is not a valid AE title: {problem}"));
            }

            if (!string.IsNullOrWhiteSpace(peer.Address) && !IPAddress.TryParse(peer.Address, out _))
            {
                failures.Add(
                    Invariant($"{Section}:{nameof(IngestOptions.AllowedPeers)}:{i}:{nameof(IngestAllowedPeer.Address)} ") +
                    Invariant($"\"{peer.Address}\" is not an IP address."));
            }
        }

        Positive(failures, nameof(IngestOptions.MaxAssociations), options.MaxAssociations);
        Positive(failures, nameof(IngestOptions.MaxAssociationsPerPeer), options.MaxAssociationsPerPeer);
        Positive(failures, nameof(IngestOptions.MaxPendingConnections), options.MaxPendingConnections);
        if (options.MaxPduLength is < MinPduLength or > MaxPduLength)
        {
            failures.Add(
                Invariant($"{Section}:{nameof(IngestOptions.MaxPduLength)} must be between {MinPduLength} and {MaxPduLength} bytes ") +
                Invariant($"(got {options.MaxPduLength})."));
        }

        Positive(failures, nameof(IngestOptions.ArtimTimeout), options.ArtimTimeout);
        Positive(failures, nameof(IngestOptions.IdleTimeout), options.IdleTimeout);
        Positive(failures, nameof(IngestOptions.AssociationTimeout), options.AssociationTimeout);
        if (options.StopGracePeriod < TimeSpan.Zero)
        {
            failures.Add($"{Section}:{nameof(IngestOptions.StopGracePeriod)} must not be negative.");
        }

        ValidateTls(failures, options.Tls);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateTls(List<string> failures, IngestTlsOptions tls)
    {
        const string Key = Section + ":" + nameof(IngestOptions.Tls);
        if (!tls.Enabled)
        {
            if (tls.RequireClientCertificate || !string.IsNullOrWhiteSpace(tls.KeyPath) || !string.IsNullOrWhiteSpace(tls.TrustedCaPath))
            {
                failures.Add($"{Key}:{nameof(IngestTlsOptions.CertificatePath)} is required when other {Key} keys are set.");
            }

            return;
        }

        MustExist(failures, $"{Key}:{nameof(IngestTlsOptions.CertificatePath)}", tls.CertificatePath);
        MustExist(failures, $"{Key}:{nameof(IngestTlsOptions.KeyPath)}", tls.KeyPath);
        MustExist(failures, $"{Key}:{nameof(IngestTlsOptions.TrustedCaPath)}", tls.TrustedCaPath);
        if (tls.HandshakeTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Key}:{nameof(IngestTlsOptions.HandshakeTimeout)} must be positive.");
        }
    }

    private static void MustExist(List<string> failures, string key, string? path)
    {
        if (!string.IsNullOrWhiteSpace(path) && !File.Exists(path))
        {
            failures.Add($"{key}: file \"{path}\" does not exist.");
        }
    }

    private static void Positive(List<string> failures, string key, int value)
    {
        if (value < 1)
        {
            failures.Add(Invariant($"{Section}:{key} must be at least 1 (got {value})."));
        }
    }

    private static void Positive(List<string> failures, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            failures.Add(Invariant($"{Section}:{key} must be positive (got {value})."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
