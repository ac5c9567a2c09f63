using Xunit;
using XrayTriage.Testing;

namespace XrayTriage.Deploy.Tests;

/// <summary><c>xraytriage models verify [--path DIR]</c>, the upgrade check after replacing <c>models/</c>.</summary>
public sealed class ModelsVerifyTests
{
    [Fact]
    public async Task Verify_ShippedModels_PrintsNameVersionDeviceUidAndExitsZero()
    {
        var result = await XrayTriageExecutable.RunAsync(["models", "verify", "--path", XrayTriageExecutable.ModelsPath]);

        result.EnsureSuccess("models verify");
        Assert.Contains("ensemble:   xraytriage-cxr", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("version:    2.0.0", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("device uid: 2.25.", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("verified: 3 model file(s) match ensemble.json.", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ModelsPathFromConfiguration_UsesIt()
    {
        var result = await XrayTriageExecutable.RunAsync(["models", "verify", $"--Models:Path={XrayTriageExecutable.ModelsPath}"]);

        result.EnsureSuccess("models verify --Models:Path");
        Assert.Contains($"folder:     {XrayTriageExecutable.ModelsPath}", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ChangedFile_ExitsTwoNamingTheFile()
    {
        var folder = CopyOfModels();
        try
        {
            await File.AppendAllTextAsync(Path.Combine(folder, "resnet18-176.onnx"), "x");

            var result = await XrayTriageExecutable.RunAsync(["models", "verify", "--path", folder]);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(
                $"model file {Path.Combine(folder, "resnet18-176.onnx")} has SHA-256", result.StandardError, StringComparison.Ordinal);
            Assert.DoesNotContain("resnet18-224", result.StandardError, StringComparison.Ordinal);
            Assert.Contains("ok          resnet18-224", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_ChangedContentGate_ExitsTwoNamingTheGate()
    {
        var folder = CopyOfModels();
        try
        {
            await File.AppendAllTextAsync(Path.Combine(folder, "content-gate.onnx"), "x");

            var result = await XrayTriageExecutable.RunAsync(["models", "verify", "--path", folder]);

            Assert.Equal(2, result.ExitCode);
            Assert.Contains(
                $"the content gate: model file {Path.Combine(folder, "content-gate.onnx")} has SHA-256",
                result.StandardError,
                StringComparison.Ordinal);
            Assert.Contains("FAILED: 1 of 3 model file(s)", result.StandardOutput, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_MissingFileOrManifest_ExitsTwo()
    {
        var folder = CopyOfModels();
        try
        {
            File.Delete(Path.Combine(folder, "resnet18-224.onnx"));
            var missingFile = await XrayTriageExecutable.RunAsync(["models", "verify", "--path", folder]);
            File.Delete(Path.Combine(folder, "ensemble.json"));
            var missingManifest = await XrayTriageExecutable.RunAsync(["models", "verify", "--path", folder]);

            Assert.Equal(2, missingFile.ExitCode);
            Assert.Contains("resnet18-224.onnx does not exist", missingFile.StandardError, StringComparison.Ordinal);
            Assert.Equal(2, missingManifest.ExitCode);
            Assert.Contains("ensemble.json cannot be read", missingManifest.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string CopyOfModels()
    {
        var folder = Directory.CreateTempSubdirectory("xraytriage-models-").FullName;
        foreach (var file in Directory.GetFiles(XrayTriageExecutable.ModelsPath))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return folder;
    }
}
