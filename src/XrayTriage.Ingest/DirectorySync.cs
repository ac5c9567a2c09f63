using System.Runtime.InteropServices;

namespace XrayTriage.Ingest;

/// <summary>
/// fsync(2) on a directory, so a rename or a new entry is on disk before the instance is acknowledged. .NET has no
/// API for it (a directory cannot be opened as a FileStream). On Windows NTFS journals the rename itself, and there
/// is no equivalent call; there this is a no-op.
/// </summary>
internal static partial class DirectorySync
{
    private const int ReadOnly = 0;
    private const int LinuxDirectoryFlag = 0x10000;
    private const int MacDirectoryFlag = 0x100000;

    public static void Flush(string directory)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return;
        }

        var flags = ReadOnly | (OperatingSystem.IsLinux() ? LinuxDirectoryFlag : MacDirectoryFlag);
        var descriptor = NativeMethods.Open(directory, flags);
        if (descriptor < 0)
        {
            throw new IOException($"Cannot open directory {directory} to flush it (errno {Marshal.GetLastPInvokeError()}).");
        }

        try
        {
            if (NativeMethods.Fsync(descriptor) != 0)
            {
                throw new IOException($"Cannot flush directory {directory} (errno {Marshal.GetLastPInvokeError()}).");
            }
        }
        finally
        {
            _ = NativeMethods.Close(descriptor);
        }
    }

    private static partial class NativeMethods
    {
        [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static partial int Fsync(int descriptor);

        [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
        public static partial int Close(int descriptor);
    }
}
