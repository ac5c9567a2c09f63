using XrayTriage.Imaging.Grayscale;
using XrayTriage.Inference;

namespace XrayTriage.Web.Upload;

/// <summary>Turns a display image into the ensemble's input. The host supplies the function (the triage stage's own
/// preprocessing and its content gate's blank check), so an upload is fed to the model exactly like a received film while
/// this stage references no other.</summary>
public sealed class UploadInputs(Func<DisplayImage, bool, EnsembleInput> build, Func<DisplayImage, NotAssessableVerdict?> checkBlank)
{
    public EnsembleInput Build(DisplayImage image, bool heatmap) => build(image, heatmap);

    public NotAssessableVerdict? CheckBlank(DisplayImage image) => checkBlank(image);
}
