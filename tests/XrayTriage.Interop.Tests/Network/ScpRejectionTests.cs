using XrayTriage.Dicom.Network.Services;
using XrayTriage.Dicom.Network.UpperLayer;
using XrayTriage.Testing;

namespace XrayTriage.Interop.Tests.Network;

/// <summary>Associations our SCP refuses, with the reason as DCMTK reports it (PS3.8 §9.3.4, Table 9-21).</summary>
public sealed class ScpRejectionTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Echoscu_UnknownCalledAeTitleWhenRequired_RejectedCalledAeTitleNotRecognized()
    {
        await using var scp = ScpFixture.Start(o => new DicomScpOptions
        {
            AeTitle = o.AeTitle,
            RequireCalledAeTitle = true,
            AcceptedSopClasses = o.AcceptedSopClasses,
        });

        var echo = await PeerTools.RunAsync("echoscu", ["-aet", "DCMTK", "-aec", "SOMEONEELSE", "127.0.0.1", scp.Port], Timeout);

        Assert.False(echo.Succeeded);
        Assert.Contains("Called AE Title Not Recognized", echo.StandardOutput + echo.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Echoscu_CallingAeTitleNotAllowed_RejectedCallingAeTitleNotRecognized()
    {
        await using var scp = ScpFixture.Start(o => new DicomScpOptions
        {
            AeTitle = o.AeTitle,
            AcceptedSopClasses = o.AcceptedSopClasses,
            AllowedCallingAeTitles = new HashSet<string>(["MODALITY1"], StringComparer.Ordinal),
        });

        var refused = await PeerTools.RunAsync("echoscu", ["-aet", "STRANGER", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port], Timeout);
        var allowed = await PeerTools.RunAsync(
            "echoscu", ["-aet", "MODALITY1", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port], Timeout);

        Assert.False(refused.Succeeded);
        Assert.Contains("Calling AE Title Not Recognized", refused.StandardOutput + refused.StandardError, StringComparison.Ordinal);
        allowed.EnsureSuccess("echoscu from an allowed AE title");
    }

    [Fact]
    public async Task Storescu_SopClassNotAccepted_NoAcceptablePresentationContext()
    {
        await using var scp = ScpFixture.Start();
        var pdf = Path.Combine(RepositoryPaths.DicomSamples, "other", "encapsulated-pdf_orthanc-sample-pdf.dcm");

        var store = await PeerTools.RunAsync(
            "storescu", ["-v", "-R", "-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port, pdf], Timeout);

        Assert.False(store.Succeeded);
        Assert.Contains("No Acceptable Presentation Contexts", store.StandardOutput + store.StandardError, StringComparison.Ordinal);
        Assert.Empty(scp.StoredFiles());
    }

    [Fact]
    public async Task Echoscu_AssociationLimitReached_RejectedTransientLocalLimitExceeded()
    {
        await using var scp = ScpFixture.Start(o => new DicomScpOptions
        {
            AeTitle = o.AeTitle,
            AcceptedSopClasses = o.AcceptedSopClasses,
            MaxAssociations = 1,
        });
        var options = new DicomScuOptions
        {
            Host = "127.0.0.1", Port = scp.Scp.LocalEndPoint.Port, CallingAeTitle = "HOLDER", CalledAeTitle = ScpFixture.AeTitle
        };
        using var cancellation = new CancellationTokenSource(Timeout);
        await using var holder = await DicomScu.ConnectAsync(
            options, [new PresentationContextRequest(1, "1.2.840.10008.1.1", ["1.2.840.10008.1.2"])], null, cancellation.Token);

        var echo = await PeerTools.RunAsync("echoscu", ["-aet", "DCMTK", "-aec", ScpFixture.AeTitle, "127.0.0.1", scp.Port], Timeout);
        await holder.ReleaseAsync(cancellation.Token);

        Assert.False(echo.Succeeded);
        var output = echo.StandardOutput + echo.StandardError;
        Assert.Contains("Rejected Transient", output, StringComparison.Ordinal);
        Assert.Contains("Local Limit Exceeded", output, StringComparison.Ordinal);
    }
}
