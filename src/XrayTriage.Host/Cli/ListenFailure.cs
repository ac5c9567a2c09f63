using System.Net.Sockets;
using XrayTriage.Dicom.Network;

namespace XrayTriage.Host.Cli;

/// <summary>Recognises a listener that cannot bind by the socket error code in the exception chain (never by message
/// text, which is localised and differs between Kestrel and the DICOM listener), and names the setting to change.</summary>
internal static class ListenFailure
{
    private static readonly HashSet<SocketError> BindErrors =
        [SocketError.AddressAlreadyInUse, SocketError.AddressNotAvailable, SocketError.AccessDenied];

    /// <returns>The setting (<c>Dicom:Port</c> or <c>Urls</c>) and the failure's message, or null when
    /// <paramref name="exception"/> is not a bind failure.</returns>
    public static (string Setting, string Message)? Describe(Exception exception, string urlsKey)
    {
        var dicom = false;
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            dicom |= current is DicomNetworkException;
            if (current is SocketException socket && BindErrors.Contains(socket.SocketErrorCode))
            {
                return (dicom ? "Dicom:Port" : urlsKey, exception.Message.ReplaceLineEndings(" "));
            }
        }

        return null;
    }
}
