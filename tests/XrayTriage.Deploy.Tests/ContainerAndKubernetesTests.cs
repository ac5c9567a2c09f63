using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;
using XrayTriage.Testing;

namespace XrayTriage.Deploy.Tests;

/// <summary>deploy/container and deploy/kubernetes, checked without a Docker engine or a cluster (neither exists here):
/// the Dockerfile's stages and user, that everything it copies from the context exists, that the compose file points
/// XrayTriage's PACS destination at the Orthanc it starts and Orthanc knows our AE, and the Kubernetes manifests'
/// probes, grace period, shared volume, disruption budget and GPU scheduling. YAML is read by PyYAML.</summary>
public sealed partial class ContainerAndKubernetesTests
{
    private static readonly string Deploy = Path.Combine(RepositoryPaths.RepositoryRoot, "deploy");

    [Fact]
    public void Dockerfile_Stages_CpuAndCudaRunAsNonRootOnTheRightBases()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Deploy, "container", "Dockerfile"));
        var stages = Regex.Split(dockerfile, @"^FROM ", RegexOptions.Multiline)
            .Skip(1)
            .ToDictionary(s => s.Split('\n')[0].Split(" AS ")[1].Trim(), s => s);

        Assert.Equal(["build", "cpu", "cuda"], stages.Keys.Order(StringComparer.Ordinal));
        foreach (var stage in new[] { "cpu", "cuda" })
        {
            Assert.Contains("USER 10001:10001", stages[stage], StringComparison.Ordinal);
            Assert.Contains("CMD [\"serve\"]", stages[stage], StringComparison.Ordinal);
            Assert.Contains("HEALTHCHECK", stages[stage], StringComparison.Ordinal);
        }

        Assert.Matches(@"ARG CUDA_BASE=nvidia/cuda:13\.[0-9.]+-cudnn-runtime", dockerfile);
        Assert.Contains("Inference__ExecutionProvider=cuda", stages["cuda"], StringComparison.Ordinal);
        Assert.Contains("libonnxruntime_providers_cuda.so", stages["cuda"], StringComparison.Ordinal);
        Assert.Contains("-r linux-x64 --self-contained", stages["build"], StringComparison.Ordinal);
    }

    [Fact]
    public void Dockerfile_CopiedSources_ExistInTheRepository()
    {
        var missing = new List<string>();
        foreach (Match copy in CopyFromContext().Matches(File.ReadAllText(Path.Combine(Deploy, "container", "Dockerfile"))))
        {
            var sources = copy.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1];
            foreach (var source in sources)
            {
                var directory = Path.Combine(RepositoryPaths.RepositoryRoot, Path.GetDirectoryName(source) ?? "");
                var pattern = Path.GetFileName(source.TrimEnd('/'));
                var exists = source.EndsWith('/')
                    ? Directory.Exists(Path.Combine(RepositoryPaths.RepositoryRoot, source))
                    : Directory.GetFiles(directory, pattern).Length > 0;
                if (!exists)
                {
                    missing.Add(source);
                }
            }
        }

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Compose_PacsDestination_IsTheOrthancItStartsAndOrthancKnowsOurAe()
    {
        using var compose = await ReadYamlAsync(Path.Combine(Deploy, "container", "compose.yaml"));
        var services = compose.RootElement[0].GetProperty("services");
        using var orthanc = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Deploy, "container", "orthanc.json")));

        Assert.Equal(
            ["migrate", "orthanc", "postgres", "xraytriage"],
            services.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var environment = services.GetProperty("xraytriage").GetProperty("environment");
        Assert.Equal("orthanc", environment.GetProperty("Pacs__Destinations__0__Host").GetString());
        Assert.Equal(
            orthanc.RootElement.GetProperty("DicomAet").GetString(),
            environment.GetProperty("Pacs__Destinations__0__AeTitle").GetString());
        Assert.Equal(
            orthanc.RootElement.GetProperty("DicomPort").GetInt32().ToString(CultureInfo.InvariantCulture),
            environment.GetProperty("Pacs__Destinations__0__Port").GetString());
        var modality = orthanc.RootElement.GetProperty("DicomModalities").GetProperty("xraytriage");
        Assert.Equal(environment.GetProperty("Dicom__AeTitle").GetString(), modality[0].GetString());
        Assert.Equal("xraytriage", modality[1].GetString());
        Assert.Equal(
            "service_completed_successfully",
            services.GetProperty("xraytriage").GetProperty("depends_on").GetProperty("migrate").GetProperty("condition").GetString());
        Assert.Equal("migrate", services.GetProperty("migrate").GetProperty("command")[0].GetString());
    }

    [Fact]
    public async Task Kubernetes_StatefulSet_ProbesGracePeriodSpoolAndDisruptionBudget()
    {
        var folder = Path.Combine(Deploy, "kubernetes");
        using var statefulSet = await ReadYamlAsync(Path.Combine(folder, "statefulset.yaml"));
        using var settings = await ReadYamlAsync(Path.Combine(folder, "configmap.yaml"));
        using var pvc = await ReadYamlAsync(Path.Combine(folder, "spool-pvc.yaml"));
        using var pdb = await ReadYamlAsync(Path.Combine(folder, "pdb.yaml"));
        using var services = await ReadYamlAsync(Path.Combine(folder, "services.yaml"));

        var pod = statefulSet.RootElement[0].GetProperty("spec").GetProperty("template").GetProperty("spec");
        var serve = pod.GetProperty("containers")[0];
        Assert.Equal("/health/ready", serve.GetProperty("readinessProbe").GetProperty("httpGet").GetProperty("path").GetString());
        Assert.Equal("/health/live", serve.GetProperty("livenessProbe").GetProperty("httpGet").GetProperty("path").GetString());
        var preStop = int.Parse(
            serve.GetProperty("lifecycle").GetProperty("preStop").GetProperty("exec").GetProperty("command")[1].GetString()!,
            CultureInfo.InvariantCulture);
        var drain = TimeSpan.Parse(
            settings.RootElement[0].GetProperty("data").GetProperty("Dicom__StopGracePeriod").GetString()!,
            CultureInfo.InvariantCulture);
        Assert.True(pod.GetProperty("terminationGracePeriodSeconds").GetInt32() >= preStop + drain.TotalSeconds + 10,
            "the grace period must cover preStop, the association drain and the triage drain");
        Assert.Equal("ReadWriteMany", pvc.RootElement[0].GetProperty("spec").GetProperty("accessModes")[0].GetString());
        Assert.Contains(pod.GetProperty("volumes").EnumerateArray(), v => v.TryGetProperty("persistentVolumeClaim", out var claim)
            && claim.GetProperty("claimName").GetString() == pvc.RootElement[0].GetProperty("metadata").GetProperty("name").GetString());
        Assert.Equal(1, pdb.RootElement[0].GetProperty("spec").GetProperty("maxUnavailable").GetInt32());
        var labels = statefulSet.RootElement[0].GetProperty("spec").GetProperty("selector").GetProperty("matchLabels").GetRawText();
        Assert.Equal(labels, pdb.RootElement[0].GetProperty("spec").GetProperty("selector").GetProperty("matchLabels").GetRawText());
        var dicom = services.RootElement.EnumerateArray()
            .Single(s => s.GetProperty("metadata").GetProperty("name").GetString() == "xraytriage-dicom");
        Assert.Equal("LoadBalancer", dicom.GetProperty("spec").GetProperty("type").GetString());
        Assert.Equal(settings.RootElement[0].GetProperty("data").GetProperty("Dicom__Port").GetString(),
            dicom.GetProperty("spec").GetProperty("ports")[0].GetProperty("port").GetInt32().ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Kubernetes_GpuPatch_RequestsOneGpuOnGpuNodesAndRequiresCuda()
    {
        using var patch = await ReadYamlAsync(Path.Combine(Deploy, "kubernetes", "gpu-patch.yaml"));
        var pod = patch.RootElement[0].GetProperty("spec").GetProperty("template").GetProperty("spec");
        var serve = pod.GetProperty("containers")[0];

        Assert.Equal(1, serve.GetProperty("resources").GetProperty("limits").GetProperty("nvidia.com/gpu").GetInt32());
        Assert.True(pod.GetProperty("nodeSelector").EnumerateObject().Any());
        Assert.Contains(
            serve.GetProperty("env").EnumerateArray(),
            e => e.GetProperty("name").GetString() == "Inference__ExecutionProvider" && e.GetProperty("value").GetString() == "cuda");
    }

    [Fact]
    public async Task Kubernetes_Kustomization_ListsExistingFiles()
    {
        using var kustomization = await ReadYamlAsync(Path.Combine(Deploy, "kubernetes", "kustomization.yaml"));
        var resources = kustomization.RootElement[0].GetProperty("resources").EnumerateArray().Select(r => r.GetString()!).ToList();

        Assert.Contains("statefulset.yaml", resources);
        Assert.All(resources, r => Assert.True(File.Exists(Path.Combine(Deploy, "kubernetes", r)), r));
    }

    /// <summary>Every YAML document of the file, as a JSON array.</summary>
    private static async Task<JsonDocument> ReadYamlAsync(string path)
    {
        var result = await PeerTools.RunPythonAsync(
            "import json, sys, yaml; print(json.dumps([d for d in yaml.safe_load_all(open(sys.argv[1])) if d is not None]))", [path]);
        return JsonDocument.Parse(result.EnsureSuccess($"PyYAML {path}").StandardOutput);
    }

    [GeneratedRegex(@"^COPY (?!--from)(?:--chown=\S+ )?(.+)$", RegexOptions.Multiline)]
    private static partial Regex CopyFromContext();
}
