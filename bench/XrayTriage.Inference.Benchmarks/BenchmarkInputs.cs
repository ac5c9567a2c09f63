namespace XrayTriage.Inference.Benchmarks;

/// <summary>The same images for every mode: per image and member a CHW tensor in the member's input size, a grey
/// film (one random plane, fixed seed, replicated to the channels) normalized with the member's mean and std.</summary>
internal sealed class BenchmarkInputs
{
    private const int Seed = 20261126;

    private BenchmarkInputs(float[][][] tensors, IReadOnlyList<MemberInputManifest> members)
    {
        Tensors = tensors;
        Members = members;
    }

    /// <summary>[image][member] → CHW tensor.</summary>
    public float[][][] Tensors { get; }

    public IReadOnlyList<MemberInputManifest> Members { get; }

    public static BenchmarkInputs Create(IReadOnlyList<MemberInputManifest> members, int images)
    {
        var tensors = new float[images][][];
        for (var i = 0; i < images; i++)
        {
            var random = new Random(Seed + i);
            tensors[i] = [.. members.Select(m => Film(m, random))];
        }

        return new BenchmarkInputs(tensors, members);
    }

    /// <summary>Images <c>0 … count−1</c> of one member laid out as one NCHW batch.</summary>
    public float[] Batch(int member, int count)
    {
        var length = Members[member].TensorLength;
        var batch = new float[count * length];
        for (var i = 0; i < count; i++)
        {
            Tensors[i][member].CopyTo(batch, i * length);
        }

        return batch;
    }

    public IReadOnlyList<EnsembleInput> EnsembleInputs(int count, HeatmapSize? heatmap)
        => [.. Tensors.Take(count).Select(t => new EnsembleInput(t, heatmap))];

    private static float[] Film(MemberInputManifest input, Random random)
    {
        var plane = input.Width * input.Height;
        var grey = new float[plane];
        for (var p = 0; p < plane; p++)
        {
            grey[p] = random.NextSingle();
        }

        var tensor = new float[input.TensorLength];
        for (var c = 0; c < input.Channels; c++)
        {
            var mean = input.Mean[Math.Min(c, input.Mean.Count - 1)];
            var std = input.Std[Math.Min(c, input.Std.Count - 1)];
            for (var p = 0; p < plane; p++)
            {
                tensor[(c * plane) + p] = (grey[p] - mean) / std;
            }
        }

        return tensor;
    }
}
