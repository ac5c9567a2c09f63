namespace XrayTriage.Host.Options;

/// <summary>Where the shipped ensemble lives. Section <c>Models</c> (env <c>Models__Path</c>).</summary>
internal sealed class ModelsOptions
{
    public const string SectionName = "Models";

    /// <summary>The file that marks a source checkout's root (next to its <c>models/</c>).</summary>
    public const string CheckoutMarker = "XrayTriage.sln";

    /// <summary>Folder with <c>ensemble.json</c> and the ONNX files; relative paths are taken from the
    /// application's folder, so a service does not depend on its working directory.</summary>
    public string Path { get; set; } = "models";

    public string ResolvedPath => Resolve(Path, AppContext.BaseDirectory);

    /// <summary>
    /// A relative <paramref name="path"/> is taken from <paramref name="applicationFolder"/> (an installed service keeps
    /// its models next to the executable). Only when no such folder exists there and the executable runs from a build
    /// output inside a checkout (a parent folder holds <see cref="CheckoutMarker"/>) is it taken from the checkout's
    /// root, so <c>src/XrayTriage.Host/bin/Release/net10.0/xraytriage classify</c> finds the checkout's <c>models/</c>.
    /// </summary>
    public static string Resolve(string path, string applicationFolder)
    {
        var beside = System.IO.Path.GetFullPath(path, applicationFolder);
        if (System.IO.Path.IsPathRooted(path) || Directory.Exists(beside))
        {
            return beside;
        }

        for (var folder = new DirectoryInfo(applicationFolder).Parent; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, CheckoutMarker)))
            {
                var inCheckout = System.IO.Path.GetFullPath(path, folder.FullName);
                return Directory.Exists(inCheckout) ? inCheckout : beside;
            }
        }

        return beside;
    }
}
