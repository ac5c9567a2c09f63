using System.CommandLine;
using System.Globalization;
using XrayTriage.Dicom;
using XrayTriage.Imaging;
using XrayTriage.Imaging.Eligibility;
using XrayTriage.Imaging.Grayscale;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage render FILE -o OUT.png [--model-input]</c>: the display image (or the exact model input)
/// as PNG, with the window used and the eligibility decision printed.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "A DICOM image." };
        var output = new Option<string>("--output", "-o") { Description = "PNG file to write.", Required = true };
        var modelInput = new Option<bool>("--model-input")
        {
            Description = "Write the first ensemble member's input (border trim, resize, contrast standardization; " +
                "before normalization) instead of the display image. " +
                "The member's preprocessing comes from Models:Path/ensemble.json.",
        };
        var window = new Option<string?>("--window") { Description = "Use this window instead of the file's: CENTER,WIDTH." };
        var command = new Command("render", "Render a DICOM image as the service sees it.") { file, output, modelInput, window };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(file),
            parseResult.GetRequiredValue(output),
            parseResult.GetValue(modelInput),
            parseResult.GetValue(window),
            parseResult.UnmatchedTokens,
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(
        string path,
        string output,
        bool modelInput,
        string? window,
        IReadOnlyList<string> configuration,
        TextWriter stdout,
        TextWriter stderr)
    {
        ModelInputSpec? spec = null;
        if (modelInput && !ModelCommandHost.TryReadFirstMemberSpec("render", configuration, stderr, out spec, out var exitCode))
        {
            return exitCode;
        }

        var options = RenderOptions.Default;
        if (window is not null)
        {
            var parts = window.Split(',');
            if (parts.Length != 2
                || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var center)
                || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var width)
                || width <= 0)
            {
                stderr.WriteLine($"xraytriage render: --window must be CENTER,WIDTH with a positive width (got \"{window}\").");
                return 1;
            }

            options = options with { Window = (center, width) };
        }

        try
        {
            var dicom = DicomFile.Open(path);
            stdout.WriteLine($"eligibility: {EligibilityRules.Evaluate(dicom.Dataset, EligibilityOptions.Default)}");
            var image = MonochromeImage.Render(dicom, options);
            stdout.WriteLine($"window: {image.Window}{(image.Inverted ? " (inverted: MONOCHROME1 or INVERSE)" : "")}");
            foreach (var note in image.Notes)
            {
                stdout.WriteLine($"note: {note}");
            }

            if (spec is not null)
            {
                var plane = ModelInputBuilder.Fit(image, spec);
                PngWriter.WriteGray8(
                    output, spec.Width, spec.Height, plane.Select(v => (byte)Math.Clamp(Math.Round(v), 0, 255)).ToArray());
                stdout.WriteLine(
                    $"wrote {output}: model input {spec.Width}×{spec.Height} ({spec.Resize}, area averaging" +
                    $"{(spec.TrimBorders ? ", borders trimmed" : "")}" +
                    $"{(spec.ContrastPercentiles is { } p ? $", contrast {p.Low:P0}–{p.High:P0}" : "")})");
            }
            else
            {
                PngWriter.WriteGray8(output, image.Width, image.Height, image.Pixels);
                stdout.WriteLine($"wrote {output}: display image {image.Width}×{image.Height}");
            }

            return 0;
        }
        catch (Exception ex) when (ex is DicomParseException or ImagingException or IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"xraytriage render: {path}: {ex.Message.ReplaceLineEndings(" ")}");
            return DumpCommand.BadFileExitCode;
        }
    }
}
