namespace XrayTriage.Dicom.Network.Services;

/// <summary>Counts accepted associations against the configured maximum and, when set, against a maximum per peer
/// (calling AE title and source address), so one peer cannot hold every slot; reservation is atomic.</summary>
internal sealed class AssociationSlots(int capacity, int? perPeer)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _byPeer = new(StringComparer.Ordinal);
    private int _inUse;

    public int Capacity => capacity;

    public int InUse => Volatile.Read(ref _inUse);

    /// <summary>Reserves a slot for <paramref name="peer"/>; null when one is free, otherwise which limit refused it.</summary>
    public string? TryReserve(string peer)
    {
        lock (_gate)
        {
            if (_inUse >= capacity)
            {
                return $"all {capacity} association slots in use";
            }

            var held = _byPeer.GetValueOrDefault(peer);
            if (held >= perPeer)
            {
                return $"{peer} already holds {held} associations (limit per peer {perPeer})";
            }

            _byPeer[peer] = held + 1;
            Volatile.Write(ref _inUse, _inUse + 1);
            return null;
        }
    }

    public void Release(string peer)
    {
        lock (_gate)
        {
            var held = _byPeer.GetValueOrDefault(peer) - 1;
            if (held <= 0)
            {
                _byPeer.Remove(peer);
            }
            else
            {
                _byPeer[peer] = held;
            }

            Volatile.Write(ref _inUse, _inUse - 1);
        }
    }
}
