namespace XrayTriage.Inference.Benchmarks;

/// <summary>Command line: <c>[--models DIR] [--threads N] [--batches 1,8,32] [--budget SECONDS] [--heatmap PX|0]</c>.
/// The models folder also comes from <c>XRAYTRIAGE_BENCH_MODELS</c>; by default it is the repository's <c>models/</c>.</summary>
internal sealed record BenchmarkSettings(
    string ModelsFolder, int Threads, IReadOnlyList<int> Batches, double BudgetSeconds, int HeatmapSize)
{
    public const int MinRounds = 5;
    public const int MaxRounds = 200;
    public const int WarmUpRounds = 2;

    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var models = Environment.GetEnvironmentVariable("XRAYTRIAGE_BENCH_MODELS");
        var threads = Environment.ProcessorCount;
        IReadOnlyList<int> batches = [1, 8, 32];
        var budget = 120.0;
        var heatmap = 224;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--models":
                    models = value;
                    break;
                case "--threads":
                    threads = PositiveInt(args[i], value);
                    break;
                case "--batches":
                    batches = [.. value.Split(',').Select(b => PositiveInt(args[i], b))];
                    break;
                case "--budget":
                    budget = double.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "--heatmap":
                    heatmap = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument {args[i]} (use --models, --threads, --batches, --budget, --heatmap).");
            }

            i++;
        }

        return new BenchmarkSettings(Path.GetFullPath(models ?? DefaultModelsFolder()), threads, batches, budget, heatmap);
    }

    /// <summary>The repository's <c>models/</c>: the folder next to <c>XrayTriage.sln</c> above the working directory
    /// or the binary.</summary>
    private static string DefaultModelsFolder()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "XrayTriage.sln")))
                {
                    return Path.Combine(dir.FullName, "models");
                }
            }
        }

        return "models";
    }

    private static int PositiveInt(string name, string value)
        => int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name} needs a positive integer (got '{value}').");
}
