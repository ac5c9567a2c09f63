using System.Globalization;
using Microsoft.Extensions.Logging;
using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Ingest;

/// <summary>
/// Rejects new associations while the spool disk is below the watermark: rejected-transient, source DICOM UL
/// service-provider (presentation related function), reason temporary-congestion (PS3.8 §7.1.1.9, Table 9-21) — a
/// shortage of our own resource that clears, so the modality should try again later, as with A700 per C-STORE. It is
/// told apart from "local-limit-exceeded", which the SCP sends when all association slots are in use. Associations
/// already open keep answering A700 per C-STORE if the disk fills during them (<see cref="IngestStoreHandler"/>).
/// </summary>
internal sealed class SpoolDiskGate(SpoolCapacity capacity, ILogger<SpoolDiskGate> logger) : IAssociationGate
{
    public AssociationGateDecision Evaluate(AssociationInfo association)
    {
        ArgumentNullException.ThrowIfNull(association);
        SpoolSpace space;
        try
        {
            space = capacity.Measure();
        }
        catch (IOException ex)
        {
            // Cannot tell: let the association in; each C-STORE measures again and refuses if the spool cannot be written.
            Log.SpoolSpaceUnknown(logger, association.CallingAeTitle, ex.Message);
            return AssociationGateDecision.Accept;
        }

        if (!space.IsBelowWatermark)
        {
            return AssociationGateDecision.Accept;
        }

        Log.AssociationRejectedDiskLow(
            logger, association.CallingAeTitle, association.CalledAeTitle, space.FreeBytes, space.MinFreeDiskBytes);
        return AssociationGateDecision.RejectTemporaryCongestion(string.Create(CultureInfo.InvariantCulture,
            $"spool disk has {space.FreeBytes} bytes free, below the watermark of {space.MinFreeDiskBytes}"));
    }
}
