using System.Text;

namespace XrayTriage.Imaging.Tests;

/// <summary>Reads the binary 8-bit PGM (P5) that DCMTK's dcm2pnm writes.</summary>
internal sealed record Pgm(int Width, int Height, byte[] Pixels)
{
    public static Pgm Read(string path)
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
        Assert.Equal("P5", fields[0]);
        Assert.Equal("255", fields[3]);
        var width = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
        return new Pgm(width, height, bytes[position..(position + (width * height))]);
    }
}
