using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using XrayTriage.Ingest;
using XrayTriage.Triage;
using XrayTriage.Web.Upload;

namespace XrayTriage.Host;

/// <summary>What the web stage needs from the other stages, handed over by the composition root so that no stage
/// references another: the triage stage's model preprocessing for the upload page, and where this service's own DICOM
/// listener is for the page's "store".</summary>
internal static class WebBridges
{
    public static IHostApplicationBuilder AddWebBridges(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(services =>
        {
            var inputs = services.GetRequiredService<ModelInputs>();
            return new UploadInputs(inputs.Build, inputs.CheckBlank);
        });
        builder.Services.AddSingleton(services =>
        {
            var dicom = services.GetRequiredService<IOptions<IngestOptions>>().Value;
            return new UploadListener(
                UploadListener.ConnectAddress(dicom.BindAddress), dicom.Port, dicom.AeTitle, dicom.Tls.Enabled);
        });
        return builder;
    }
}
