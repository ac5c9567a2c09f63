using System.Text;

namespace XrayTriage.Reporting.Tests.Documents;

/// <summary>Reads the binary PPM (P6) that dcmj2pnm writes for a colour image.</summary>
internal sealed record Ppm(int Width, int Height, byte[] Rgb)
{
    public (byte R, byte G, byte B) this[int x, int y]
    {
        get
        {
            var i = ((y * Width) + x) * 3;
            return (Rgb[i], Rgb[i + 1], Rgb[i + 2]);
        }
    }

    public static Ppm Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var position = 0;
        var fields = new List<string>();
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            if (bytes[position] == '#')
            {
                while (bytes[position] != '\n')
                {
                    position++;
                }

                continue;
            }

            var start = position;
            while (!char.IsWhiteSpace((char)bytes[position]))
            {
                position++;
            }

            fields.Add(Encoding.ASCII.GetString(bytes, start, position - start));
        }

        position++; // the single whitespace after maxval
        if (fields[0] != "P6" || fields[3] != "255")
        {
            throw new InvalidDataException($"Not an 8-bit P6 PPM: {string.Join(' ', fields)}");
        }

        var width = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
        return new Ppm(width, height, bytes[position..(position + (width * height * 3))]);
    }
}
