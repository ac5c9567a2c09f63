using XrayTriage.Testing;

namespace XrayTriage.Host.Tests;

/// <summary>serve refuses to start when the ensemble cannot be trusted or run as configured.</summary>
public sealed class ServeModelTests
{
    [Fact]
    public async Task Serve_ModelFileAltered_RefusesToStartNamingTheFile()
    {
        var folder = Directory.CreateTempSubdirectory("xraytriage-models-").FullName;
        try
        {
            foreach (var file in Directory.GetFiles(XrayTriageExecutable.ModelsPath)
                .Where(f => f.EndsWith(".onnx", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
            }

            var victim = Directory.GetFiles(folder, "*.onnx").Order(StringComparer.Ordinal).First();
            await using (var stream = File.Open(victim, FileMode.Open))
            {
                stream.Seek(-100, SeekOrigin.End);
                var b = stream.ReadByte();
                stream.Seek(-1, SeekOrigin.Current);
                stream.WriteByte((byte)(b ^ 0xFF));
            }

            var result = await XrayTriageExecutable.RunAsync(
                ["serve", $"--Urls=http://127.0.0.1:{FreePort.Next()}", $"--Dicom:Port={FreePort.Next()}", $"--Models:Path={folder}"],
                new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = "Host=127.0.0.1;Port=1;Database=x;Username=x" });

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(Path.GetFileName(victim), result.StandardError, StringComparison.Ordinal);
            Assert.Contains("SHA-256", result.StandardError, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Serve_CudaRequired_RefusesToStart()
    {
        var result = await XrayTriageExecutable.RunAsync(
            [
                "serve", $"--Urls=http://127.0.0.1:{FreePort.Next()}", $"--Dicom:Port={FreePort.Next()}",
                $"--Models:Path={XrayTriageExecutable.ModelsPath}", "--Inference:ExecutionProvider=cuda",
            ],
            new Dictionary<string, string?> { ["ConnectionStrings__Triage"] = "Host=127.0.0.1;Port=1;Database=x;Username=x" });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("CUDA execution provider unavailable", result.StandardError, StringComparison.Ordinal);
    }
}
