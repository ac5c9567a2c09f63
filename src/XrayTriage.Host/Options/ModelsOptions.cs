namespace XrayTriage.Host.Options;

/// <summary>Where the shipped ensemble lives. Section <c>Models</c> (env <c>Models__Path</c>).</summary>
internal sealed class ModelsOptions
{
    public const string SectionName = "Models";

    /// <summary>Folder with <c>ensemble.json</c> and the ONNX files; relative paths are taken from the
    /// application's folder, so a service does not depend on its working directory.</summary>
    public string Path { get; set; } = "models";

    public string ResolvedPath => System.IO.Path.GetFullPath(Path, AppContext.BaseDirectory);
}
