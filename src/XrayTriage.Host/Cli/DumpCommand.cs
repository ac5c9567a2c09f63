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
        var files = new Argument<string[]>("FILE")
        {
            Description = "DICOM files (Part 10 or bare data sets).",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<bool>("--json")
        {
            Description = "Write the DICOM JSON Model; several files give a JSON array of {\"file\", \"dataset\"} " +
                "or {\"file\", \"error\"}, one per file in argument order.",
        };
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
        // A file on disk is read as DCMTK and pydicom read it: an over-long last item is read to the end, with a warning.
        var options = DicomReaderOptions.Default with { StopBeforePixelData = headerOnly, ClampOverlongItems = true };
        var read = new List<(string Path, DicomFile? File, string? Error)>();
        var exitCode = 0;
        foreach (var path in paths)
        {
            var (file, failure) = TryRead(path, options);
            if (file is null)
            {
                error.WriteLine($"xraytriage dump: {path}: {failure}");
                exitCode = BadFileExitCode;
            }
            else
            {
                foreach (var warning in file.Warnings)
                {
                    error.WriteLine($"xraytriage dump: {path}: warning: {warning}");
                }
            }

            if (!json && file is not null)
            {
                if (paths.Length > 1)
                {
                    output.WriteLine($"# File: {path}");
                }

                new DicomDumpFormatter().Write(file, output);
                output.WriteLine();
            }

            read.Add((path, file, failure));
        }

        if (json && (paths.Length > 1 || read[0].File is not null))
        {
            WriteJson(read, asArray: paths.Length > 1, output);
        }

        return exitCode;
    }

    private static (DicomFile? File, string? Error) TryRead(string path, DicomReaderOptions options)
    {
        try
        {
            return (DicomFile.Open(path, options), null);
        }
        catch (Exception ex) when (ex is DicomParseException or IOException or UnauthorizedAccessException)
        {
            return (null, OneLine(ex.Message));
        }
    }

    /// <summary>One file: its DICOM JSON object. Several: an array in argument order with one entry per file, so
    /// entries match inputs: <c>{"file": PATH, "dataset": {…}}</c>, or <c>{"file": PATH, "error": MESSAGE}</c>.</summary>
    private static void WriteJson(List<(string Path, DicomFile? File, string? Error)> files, bool asArray, TextWriter output)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            var jsonWriter = new DicomJsonWriter();
            if (!asArray)
            {
                jsonWriter.Write(files[0].File!.Dataset, writer);
            }
            else
            {
                writer.WriteStartArray();
                foreach (var (path, file, failure) in files)
                {
                    writer.WriteStartObject();
                    writer.WriteString("file", path);
                    if (file is not null)
                    {
                        writer.WritePropertyName("dataset");
                        jsonWriter.Write(file.Dataset, writer);
                    }
                    else
                    {
                        writer.WriteString("error", failure);
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }
        }

        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
