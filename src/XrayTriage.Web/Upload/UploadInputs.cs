using XrayTriage.Imaging.Grayscale;
using XrayTriage.Inference;

namespace XrayTriage.Web.Upload;

/// <summary>Turns a display image into the ensemble's input. The host supplies the function (the triage stage's own
/// preprocessing), so an upload is fed to the model exactly like a received film while this stage references no other.</summary>
public sealed class UploadInputs(Func<DisplayImage, bool, EnsembleInput> build)
{
    public EnsembleInput Build(DisplayImage image, bool heatmap) => build(image, heatmap);
}
