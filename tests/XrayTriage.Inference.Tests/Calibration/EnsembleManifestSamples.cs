namespace XrayTriage.Inference.Tests.Calibration;

/// <summary>The shipped manifest (models/ensemble.json), read as serve reads it.</summary>
internal static class EnsembleManifestSamples
{
    public static EnsembleManifest Manifest()
        => EnsembleManifest.Load(Path.Combine(XrayTriage.Testing.RepositoryPaths.RepositoryRoot, "models", EnsembleManifest.FileName));
}
