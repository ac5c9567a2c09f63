namespace XrayTriage.Web.Upload;

/// <summary>Where the upload page's "store" sends a file: this service's own DICOM listener. The host fills it from
/// the listener's bound options (section <c>Dicom</c>), so the page and the listener can never disagree on port, AE
/// title or TLS while this stage references no other.</summary>
/// <param name="Host">Address to connect to (loopback when the listener binds every interface).</param>
/// <param name="Port">The listener's TCP port.</param>
/// <param name="CalledAeTitle">The listener's AE title.</param>
/// <param name="RequiresTls">Whether the listener only speaks DICOM TLS, which the page's loopback store does not.</param>
public sealed record UploadListener(string Host, int Port, string CalledAeTitle, bool RequiresTls)
{
    /// <summary>The address a local client reaches a listener on: a wildcard bind is reached through loopback.</summary>
    public static string ConnectAddress(string? bindAddress) =>
        string.IsNullOrEmpty(bindAddress) || bindAddress is "0.0.0.0" or "::" or "[::]" ? "127.0.0.1" : bindAddress;
}
