using System.Globalization;
using System.Net;
using System.Text;
using XrayTriage.Testing;

namespace XrayTriage.Web.Tests;

/// <summary>Just enough of an OpenID Connect provider on 127.0.0.1 to start a sign-in: the discovery document and an
/// empty key set. It records nothing and signs nothing.</summary>
public sealed class FakeIdentityProvider : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public FakeIdentityProvider()
    {
        Port = FreePort.Next();
        _listener.Prefixes.Add(Authority + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Authority => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var body = context.Request.Url?.AbsolutePath switch
            {
                "/.well-known/openid-configuration" => $$"""
                    {"issuer":"{{Authority}}","authorization_endpoint":"{{Authority}}/authorize","token_endpoint":"{{Authority}}/token",
                     "jwks_uri":"{{Authority}}/jwks","end_session_endpoint":"{{Authority}}/logout","response_types_supported":["code"],
                     "subject_types_supported":["public"],"id_token_signing_alg_values_supported":["RS256"]}
                    """,
                "/jwks" => """{"keys":[]}""",
                _ => null,
            };
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }
}
