using System.Net;
using System.Net.Sockets;

namespace XrayTriage.Testing;

/// <summary>Finds a TCP port that is free on 127.0.0.1 for a child server to bind.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
