namespace XrayTriage.Inference.Tests;

/// <summary>A tiny test member built by <c>Models/make_model.py</c>: logits = W2 · mean over positions of
/// [relu(mean of channels), relu(-mean of channels)] + bias; class maps = W2 · features (pooled by <see cref="Pool"/>).</summary>
internal sealed record MemberSpec(string Name, int Size = 16, int Pool = 1, float[]? W2 = null, float[]? Bias = null, double Weight = 1)
{
    public float[] W2Values => W2 ?? [0, 0, 1, 0, 0, 1, -1, 1];

    public float[] BiasValues => Bias ?? [0, 0, 0, 0];

    public int TensorLength => 3 * Size * Size;

    /// <summary>The logits the model must give for a tensor with every value <paramref name="value"/>.</summary>
    public float[] LogitsForConstant(float value)
    {
        var f0 = Math.Max(value, 0);
        var f1 = Math.Max(-value, 0);
        var logits = new float[4];
        for (var k = 0; k < 4; k++)
        {
            logits[k] = (W2Values[2 * k] * f0) + (W2Values[(2 * k) + 1] * f1) + BiasValues[k];
        }

        return logits;
    }
}
