using BenchmarkDotNet.Running;
using XrayTriage.Imaging.Benchmarks;

if (args is ["make-cr", var path])
{
    SyntheticCr.Write(path);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
