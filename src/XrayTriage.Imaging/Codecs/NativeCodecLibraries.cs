using System.Reflection;
using System.Runtime.InteropServices;

namespace XrayTriage.Imaging.Codecs;

/// <summary>
/// Maps the logical native library names used in P/Invoke declarations to Debian's versioned shared objects
/// (<c>libcharls.so.2</c> from libcharls2, <c>libopenjp2.so.7</c> from libopenjp2-7), which have no unversioned
/// development symlink on a runtime system. Elsewhere the default probing applies.
/// </summary>
internal static class NativeCodecLibraries
{
    public const string CharLs = "charls";
    public const string OpenJpeg = "openjp2";

    private static readonly Lazy<bool> Registered = new(() =>
    {
        NativeLibrary.SetDllImportResolver(typeof(NativeCodecLibraries).Assembly, Resolve);
        return true;
    });

    /// <summary>Installs the resolver once per process; call before the first native call.</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (!OperatingSystem.IsLinux())
        {
            return IntPtr.Zero;
        }

        var versioned = name switch
        {
            CharLs => "libcharls.so.2",
            OpenJpeg => "libopenjp2.so.7",
            _ => null,
        };
        return versioned is not null && NativeLibrary.TryLoad(versioned, assembly, searchPath, out var handle) ? handle : IntPtr.Zero;
    }
}
