using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>The C-STORE status for an instance that could not be written to disk (PS3.4 Table B.2-1): a full disk is
/// 0xA700 Refused: Out of Resources — the sender keeps the instance and tries again later —, any other failure 0x0110
/// Processing Failure.</summary>
public static class StoreWriteFailure
{
    private const int EnospcUnix = 28;
    private const int ErrorDiskFullWindows = 0x70;
    private const int ErrorHandleDiskFullWindows = 0x27;

    /// <summary>Whether an I/O failure means the disk is full (ENOSPC on Unix, ERROR_DISK_FULL on Windows).</summary>
    /// <param name="exception">The failure.</param>
    /// <returns><see langword="true"/> for a full disk.</returns>
    public static bool IsDiskFull(IOException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return (exception.HResult & 0xFFFF) is EnospcUnix or ErrorDiskFullWindows or ErrorHandleDiskFullWindows;
    }

    /// <summary>The status to answer for a failed write.</summary>
    /// <param name="exception">The failure.</param>
    /// <returns>0xA700 for a full disk, else 0x0110.</returns>
    public static DimseStatus StatusFor(Exception exception)
        => exception is IOException io && IsDiskFull(io) ? DimseStatus.OutOfResources : DimseStatus.ProcessingFailure;
}
