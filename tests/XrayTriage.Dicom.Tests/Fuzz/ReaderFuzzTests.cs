using System.Diagnostics;
using XrayTriage.Dicom.IO;
using XrayTriage.Dicom.Tests.Corpus;
using Xunit.Abstractions;

namespace XrayTriage.Dicom.Tests.Fuzz;

/// <summary>Bounded fuzzing: mutated and truncated corpus files may only fail with DicomParseException,
/// fast and with bounded memory.</summary>
public sealed class ReaderFuzzTests(ITestOutputHelper output)
{
    private const int Variants = 12_000;
    private static readonly TimeSpan PerVariantLimit = TimeSpan.FromSeconds(2);
    private const long PerVariantAllocationLimit = 256L << 20;

    [Fact]
    public async Task ReadFile_TwelveThousandMutatedCorpusFiles_OnlyDicomParseException()
    {
        // The whole run has a deadline too: a reader that hangs fails the test instead of stalling the suite.
        await Task.Run(Run).WaitAsync(TimeSpan.FromMinutes(2));
    }

    private void Run()
    {
        var corpus = CorpusFiles.All()
            .Select(CorpusFiles.FullPath)
            .Where(f => new FileInfo(f).Length <= 256 * 1024)
            .Select(File.ReadAllBytes)
            .ToArray();
        Assert.True(corpus.Length > 80);
        var options = new DicomReaderOptions
        {
            MaxElementLength = 16 << 20, MaxTotalBytes = 64 << 20, MaxDepth = 32, MaxItemCount = 100_000
        };
        var failures = new List<string>();
        var parsed = 0;
        var rejected = 0;
        var slowest = TimeSpan.Zero;
        var total = Stopwatch.StartNew();
        var random = new Random(20261126);
        for (var i = 0; i < Variants; i++)
        {
            var index = random.Next(corpus.Length);
            var (bytes, description) = CorpusMutator.Mutate(random, corpus[index], corpus[random.Next(corpus.Length)]);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            try
            {
                var file = DicomReader.ReadFile(bytes, options);
                new DicomDumpFormatter().Format(file.Dataset);
                new DicomJsonWriter().ToJson(file.Dataset);
                parsed++;
            }
            catch (DicomParseException)
            {
                rejected++;
            }
            catch (Exception ex)
            {
                failures.Add($"variant {i} (file {index}, {description}): {ex.GetType().Name}: {ex.Message}");
            }

            watch.Stop();
            slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            if (watch.Elapsed > PerVariantLimit)
            {
                failures.Add($"variant {i} (file {index}, {description}) took {watch.Elapsed}");
            }

            var used = GC.GetAllocatedBytesForCurrentThread() - allocated;
            if (used > PerVariantAllocationLimit)
            {
                failures.Add($"variant {i} (file {index}, {description}) allocated {used} bytes");
            }
        }

        output.WriteLine($"{Variants} variants in {total.Elapsed}: parsed {parsed}, rejected {rejected}, slowest {slowest}");
        Assert.True(failures.Count == 0, $"{failures.Count} failures:\n" + string.Join('\n', failures.Take(25)));
        Assert.Equal(Variants, parsed + rejected);
        Assert.True(total.Elapsed < TimeSpan.FromSeconds(90), $"fuzzing took {total.Elapsed}");
        Assert.True(rejected > 0 && parsed > 0, $"parsed {parsed}, rejected {rejected}, slowest {slowest}");
    }
}
