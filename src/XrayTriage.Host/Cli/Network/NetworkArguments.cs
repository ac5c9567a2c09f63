using System.CommandLine;
using System.Globalization;

namespace XrayTriage.Host.Cli.Network;

/// <summary>Arguments and options shared by the network verbs (<c>echo</c>, <c>send</c>, <c>receive</c>).</summary>
internal static class NetworkArguments
{
    public const string DefaultCallingAeTitle = "XRAYTRIAGE";
    public const string DefaultCalledAeTitle = "ANY-SCP";

    public static Argument<string> Host() => new("HOST") { Description = "The peer's host name or address." };

    public static Argument<int> Port() => new("PORT") { Description = "The peer's DICOM port." };

    public static Option<string> CallingAe() => new("--calling-ae", "-aet")
    {
        Description = "Our AE title.",
        DefaultValueFactory = _ => DefaultCallingAeTitle,
    };

    public static Option<string> CalledAe() => new("--called-ae", "-aec")
    {
        Description = "The peer's AE title.",
        DefaultValueFactory = _ => DefaultCalledAeTitle,
    };

    public static string Peer(string calledAe, string host, int port)
        => string.Create(CultureInfo.InvariantCulture, $"{calledAe}@{host}:{port}");

    public static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
