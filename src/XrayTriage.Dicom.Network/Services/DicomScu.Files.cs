using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Network.Dimse;
using XrayTriage.Dicom.Network.UpperLayer;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>Sending whole <see cref="DicomFile"/>s: proposing contexts and choosing one the file can travel in.</summary>
public sealed partial class DicomScu
{
    /// <summary>
    /// Proposes presentation contexts for sending files: Verification, then one context per distinct
    /// (SOP class, transfer syntax) pair; uncompressed files also offer Explicit and Implicit VR Little Endian,
    /// which can be re-encoded without loss. Compressed files are offered only in their own syntax.
    /// </summary>
    /// <param name="files">The files to send.</param>
    /// <returns>Contexts with odd IDs, at most 128.</returns>
    /// <remarks>PS3.8 §9.3.2.2; PS3.5 Annex A.</remarks>
    public static IReadOnlyList<PresentationContextRequest> ProposeContexts(IEnumerable<DicomFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var contexts = new List<PresentationContextRequest>
        {
            new(1, CEchoRequest.Verification, [TransferSyntax.ImplicitVRLittleEndian.Uid.Value]),
        };
        var seen = new HashSet<(string, string)>();
        foreach (var file in files)
        {
            var sopClass = file.Dataset.GetString(DicomTags.SOPClassUID);
            var syntax = file.TransferSyntax;
            if (!seen.Add((sopClass, syntax.Uid.Value)))
            {
                continue;
            }

            if (contexts.Count == 128)
            {
                throw new ArgumentException(
                    "More than 127 distinct SOP class and transfer syntax pairs do not fit one association.", nameof(files));
            }

            IReadOnlyList<string> offered = IsReencodable(syntax)
                ? [syntax.Uid.Value, .. UncompressedLittleEndian.Where(u => u != syntax.Uid.Value)]
                : [syntax.Uid.Value];
            contexts.Add(new PresentationContextRequest((byte)((contexts.Count * 2) + 1), sopClass, offered));
        }

        return contexts;
    }

    /// <summary>Sends a file with C-STORE in its own transfer syntax or, when uncompressed, re-encoded to an accepted little
    /// endian one; never transcodes pixel data.</summary>
    /// <param name="file">The file.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The C-STORE-RSP.</returns>
    /// <exception cref="DicomNetworkException">No accepted context fits the file (permanent), or the association failed.</exception>
    /// <remarks>PS3.7 §9.1.1; PS3.5 Annex A.</remarks>
    public async Task<CStoreResponse> StoreAsync(DicomFile file, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        var sopClass = file.Dataset.GetString(DicomTags.SOPClassUID);
        var sopInstance = file.Dataset.GetString(DicomTags.SOPInstanceUID);
        var target = ChooseTransferSyntax(sopClass, file.TransferSyntax);
        using var encoded = new MemoryStream(DicomDatasetWriter.ToArray(file.Dataset, target), writable: false);
        return await StoreAsync(sopClass, sopInstance, target.Uid.Value, encoded, cancellationToken);
    }

    private static readonly string[] UncompressedLittleEndian =
        [TransferSyntax.ExplicitVRLittleEndian.Uid.Value, TransferSyntax.ImplicitVRLittleEndian.Uid.Value];

    private static bool IsReencodable(TransferSyntax syntax) => !syntax.IsEncapsulated && !syntax.IsDeflated && !syntax.IsBigEndian;

    private TransferSyntax ChooseTransferSyntax(string sopClass, TransferSyntax own)
    {
        var accepted = Proposed
            .Where(p => p.AbstractSyntax == sopClass)
            .Select(p => Accepted.PresentationContexts.FirstOrDefault(a => a.Id == p.Id))
            .Where(a => a is { IsAccepted: true })
            .Select(a => a!.TransferSyntax)
            .ToList();
        if (accepted.Contains(own.Uid.Value))
        {
            return own;
        }

        if (IsReencodable(own) && UncompressedLittleEndian.FirstOrDefault(accepted.Contains) is { } alternative)
        {
            return TransferSyntax.Lookup(alternative);
        }

        throw new DicomNetworkException(
            $"{Peer} accepted no presentation context for {sopClass} that a {own.Name} file can be sent in without transcoding " +
            $"(accepted: {(accepted.Count == 0 ? "none" : string.Join(", ", accepted))}).",
            isTransient: false);
    }
}
