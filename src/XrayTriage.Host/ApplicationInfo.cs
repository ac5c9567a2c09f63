using System.Reflection;

namespace XrayTriage.Host;

internal static class ApplicationInfo
{
    public static string Version { get; } =
        typeof(ApplicationInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "0.0.0";
}
