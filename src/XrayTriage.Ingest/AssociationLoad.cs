using XrayTriage.Dicom.Network.Services;

namespace XrayTriage.Ingest;

/// <summary>How many of the listener's association slots are in use, for the readiness check and the
/// <c>XrayTriage.Ingest</c> meter: when every slot is taken, new associations are rejected (local limit exceeded),
/// so the service cannot take images although it is running. Empty (0 in use) while the listener is stopped.</summary>
public sealed class AssociationLoad
{
    private DicomScp? _scp;

    internal AssociationLoad(int capacity) => Capacity = capacity;

    /// <summary><c>Dicom:MaxAssociations</c>.</summary>
    public int Capacity { get; }

    public int Active => Volatile.Read(ref _scp)?.ActiveAssociations ?? 0;

    public bool IsSaturated => Volatile.Read(ref _scp)?.IsSaturated ?? false;

    internal void Attach(DicomScp? scp) => Volatile.Write(ref _scp, scp);
}
