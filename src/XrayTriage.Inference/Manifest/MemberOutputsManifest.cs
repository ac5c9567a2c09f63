namespace XrayTriage.Inference;

/// <summary>Output names: logits [N, 4], the last convolutional feature map [N, K, h, w] and the class maps
/// [N, 4, h, w] (classifier weights applied at every position: the CAM of a global-average-pool head, without bias).</summary>
public sealed record MemberOutputsManifest(string Logits, string FeatureMap, string ClassMaps);
