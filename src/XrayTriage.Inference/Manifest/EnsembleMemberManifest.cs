using System.Text.Json;

namespace XrayTriage.Inference;

/// <summary>One CNN of the ensemble: its ONNX file (relative to the manifest), the file's SHA-256, its weight in
/// the ensemble mean (normalized over members by the engine), its input contract and output names.</summary>
public sealed record EnsembleMemberManifest(
    string Name,
    string File,
    string Sha256,
    string Architecture,
    double Weight,
    MemberInputManifest Input,
    MemberOutputsManifest Outputs,
    JsonElement? Metrics = null);
