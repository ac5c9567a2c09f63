using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(XrayTriage.Dicom.Benchmarks.ParseBenchmarks).Assembly).Run(args);
