namespace XrayTriage.Dicom.Network.Services;

/// <summary>Counts accepted associations against the configured maximum; reservation is atomic.</summary>
internal sealed class AssociationSlots(int capacity)
{
    private int _inUse;

    public int InUse => Volatile.Read(ref _inUse);

    public bool TryReserve()
    {
        while (true)
        {
            var current = Volatile.Read(ref _inUse);
            if (current >= capacity)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _inUse, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    public void Release() => Interlocked.Decrement(ref _inUse);
}
