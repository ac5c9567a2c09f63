using System.Text;

namespace XrayTriage.Inference.Evaluation;

/// <summary>Splits one CSV record (RFC 4180: comma-separated, a field in double quotes may hold commas and "" for a
/// quote). Records span one line: a quoted line break is not supported and reads as an unterminated quote.</summary>
internal static class CsvFields
{
    /// <summary>The fields of <paramref name="line"/>, or null when a quote is not terminated or is followed by
    /// something other than a comma.</summary>
    public static List<string>? Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= line.Length)
                    {
                        return null;
                    }

                    if (line[i] == '"')
                    {
                        if (i + 1 < line.Length && line[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(line[i++]);
                }

                if (i < line.Length && line[i] != ',')
                {
                    return null;
                }
            }
            else
            {
                var end = line.IndexOf(',', i);
                end = end < 0 ? line.Length : end;
                field.Append(line, i, end - i);
                i = end;
            }

            fields.Add(field.ToString());
            field.Clear();
            if (i >= line.Length)
            {
                return fields;
            }

            i++; // the comma
        }
    }
}
