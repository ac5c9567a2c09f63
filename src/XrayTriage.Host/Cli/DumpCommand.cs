using System.CommandLine;
using System.Text.Json;
using XrayTriage.Dicom;

namespace XrayTriage.Host.Cli;

/// <summary><c>xraytriage dump FILE… [--json] [--header-only]</c>: a dcmdump-like tree or the DICOM JSON Model
/// (PS3.18 F.2). Exit 0 when every file was read; 2 when any was not, with one line per bad file.</summary>
internal static class DumpCommand
{
    public const int BadFileExitCode = 2;

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "DICOM files (Part 10 or bare data sets).", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Write the DICOM JSON Model; several files give a JSON array." };
        var headerOnly = new Option<bool>("--header-only") { Description = "Stop before Pixel Data." };
        var command = new Command("dump", "Print the elements of DICOM files.") { files, json, headerOnly };
        command.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(files),
            parseResult.GetValue(json),
            parseResult.GetValue(headerOnly),
            parseResult.InvocationConfiguration.Output,
            parseResult.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string[] paths, bool json, bool headerOnly, TextWriter output, TextWriter error)
    {
        var options = DicomReaderOptions.Default with { StopBeforePixelData = headerOnly };
        var read = new List<DicomFile>();
        var exitCode = 0;
        foreach (var path in paths)
        {
            var file = TryRead(path, options, error);
            if (file is null)
            {
                exitCode = BadFileExitCode;
                continue;
            }

            if (!json)
            {
                if (paths.Length > 1)
                {
                    output.WriteLine($"# File: {path}");
                }

                new DicomDumpFormatter().Write(file, output);
                output.WriteLine();
            }

            read.Add(file);
        }

        if (json)
        {
            WriteJson(read, asArray: paths.Length > 1, output);
        }

        return exitCode;
    }

    private static DicomFile? TryRead(string path, DicomReaderOptions options, TextWriter error)
    {
        try
        {
            return DicomFile.Open(path, options);
        }
        catch (DicomParseException ex)
        {
            error.WriteLine($"xraytriage dump: {path}: {OneLine(ex.Message)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"xraytriage dump: {path}: {OneLine(ex.Message)}");
        }

        return null;
    }

    private static void WriteJson(List<DicomFile> files, bool asArray, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var jsonWriter = new DicomJsonWriter();
            if (asArray)
            {
                writer.WriteStartArray();
            }

            foreach (var file in files)
            {
                jsonWriter.Write(file.Dataset, writer);
            }

            if (asArray)
            {
                writer.WriteEndArray();
            }
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
