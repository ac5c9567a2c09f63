using XrayTriage.Core.Pipeline;

namespace XrayTriage.Inference;

/// <summary>One member's raw logits and softmax probabilities, in <see cref="EnsembleLabels.All"/> order.</summary>
public sealed record MemberPrediction(string Member, float[] Logits, double[] Probabilities);
