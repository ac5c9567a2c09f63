namespace XrayTriage.Reporting.Documents;

/// <summary>A built-in 5×7 bitmap font (our own design) so the burned-in caption looks the same on every host: no
/// system fonts, no fontconfig. Upper case, digits, common punctuation, '%' and the em dash; lower case is drawn in
/// upper case, anything else as '?'. Each glyph is seven rows of five columns, '#' = ink.</summary>
internal static class BitmapFont
{
    public const int GlyphWidth = 5;
    public const int GlyphHeight = 7;

    /// <summary>Horizontal advance and line height in font pixels (one column / two rows of spacing).</summary>
    public const int Advance = GlyphWidth + 1;
    public const int LineHeight = GlyphHeight + 3;

    private static readonly Dictionary<char, string> Source = new()
    {
        [' '] = "...../...../...../...../...../...../.....",
        ['A'] = ".###./#...#/#...#/#####/#...#/#...#/#...#",
        ['B'] = "####./#...#/#...#/####./#...#/#...#/####.",
        ['C'] = ".###./#...#/#..../#..../#..../#...#/.###.",
        ['D'] = "####./#...#/#...#/#...#/#...#/#...#/####.",
        ['E'] = "#####/#..../#..../####./#..../#..../#####",
        ['F'] = "#####/#..../#..../####./#..../#..../#....",
        ['G'] = ".###./#...#/#..../#.###/#...#/#...#/.####",
        ['H'] = "#...#/#...#/#...#/#####/#...#/#...#/#...#",
        ['I'] = ".###./..#../..#../..#../..#../..#../.###.",
        ['J'] = "..###/...#./...#./...#./...#./#..#./.##..",
        ['K'] = "#...#/#..#./#.#../##.../#.#../#..#./#...#",
        ['L'] = "#..../#..../#..../#..../#..../#..../#####",
        ['M'] = "#...#/##.##/#.#.#/#.#.#/#...#/#...#/#...#",
        ['N'] = "#...#/#...#/##..#/#.#.#/#..##/#...#/#...#",
        ['O'] = ".###./#...#/#...#/#...#/#...#/#...#/.###.",
        ['P'] = "####./#...#/#...#/####./#..../#..../#....",
        ['Q'] = ".###./#...#/#...#/#...#/#.#.#/#..#./.##.#",
        ['R'] = "####./#...#/#...#/####./#.#../#..#./#...#",
        ['S'] = ".####/#..../#..../.###./....#/....#/####.",
        ['T'] = "#####/..#../..#../..#../..#../..#../..#..",
        ['U'] = "#...#/#...#/#...#/#...#/#...#/#...#/.###.",
        ['V'] = "#...#/#...#/#...#/#...#/#...#/.#.#./..#..",
        ['W'] = "#...#/#...#/#...#/#.#.#/#.#.#/#.#.#/.#.#.",
        ['X'] = "#...#/#...#/.#.#./..#../.#.#./#...#/#...#",
        ['Y'] = "#...#/#...#/.#.#./..#../..#../..#../..#..",
        ['Z'] = "#####/....#/...#./..#../.#.../#..../#####",
        ['0'] = ".###./#...#/#..##/#.#.#/##..#/#...#/.###.",
        ['1'] = "..#../.##../..#../..#../..#../..#../.###.",
        ['2'] = ".###./#...#/....#/...#./..#../.#.../#####",
        ['3'] = "#####/...#./..#../...#./....#/#...#/.###.",
        ['4'] = "...#./..##./.#.#./#..#./#####/...#./...#.",
        ['5'] = "#####/#..../####./....#/....#/#...#/.###.",
        ['6'] = "..##./.#.../#..../####./#...#/#...#/.###.",
        ['7'] = "#####/....#/...#./..#../.#.../.#.../.#...",
        ['8'] = ".###./#...#/#...#/.###./#...#/#...#/.###.",
        ['9'] = ".###./#...#/#...#/.####/....#/...#./.##..",
        ['.'] = "...../...../...../...../...../.##../.##..",
        [','] = "...../...../...../...../.##../..#../.#...",
        [':'] = "...../.##../.##../...../.##../.##../.....",
        [';'] = "...../.##../.##../...../.##../..#../.#...",
        ['-'] = "...../...../...../.###./...../...../.....",
        ['\u2014'] = "...../...../...../#####/...../...../.....",
        ['+'] = "...../..#../..#../#####/..#../..#../.....",
        ['%'] = "##.../##..#/...#./..#../.#.../#..##/...##",
        ['('] = "...#./..#../.#.../.#.../.#.../..#../...#.",
        [')'] = ".#.../..#../...#./...#./...#./..#../.#...",
        ['/'] = "...../....#/...#./..#../.#.../#..../.....",
        ['_'] = "...../...../...../...../...../...../#####",
        ['\''] = "..#../..#../.#.../...../...../...../.....",
        ['"'] = ".#.#./.#.#./...../...../...../...../.....",
        ['!'] = "..#../..#../..#../..#../..#../...../..#..",
        ['?'] = ".###./#...#/....#/...#./..#../...../..#..",
        ['='] = "...../...../#####/...../#####/...../.....",
        ['<'] = "...#./..#../.#.../#..../.#.../..#../...#.",
        ['>'] = ".#.../..#../...#./....#/...#./..#../.#...",
        ['['] = ".###./.#.../.#.../.#.../.#.../.#.../.###.",
        [']'] = ".###./...#./...#./...#./...#./...#./.###.",
        ['#'] = ".#.#./.#.#./#####/.#.#./#####/.#.#./.#.#.",
        ['*'] = "...../..#../#.#.#/.###./#.#.#/..#../.....",
        ['|'] = "..#../..#../..#../..#../..#../..#../..#..",
    };

    private static readonly Dictionary<char, bool[]> Glyphs = Source.ToDictionary(p => p.Key, p => Parse(p.Key, p.Value));

    public static IReadOnlyCollection<char> Characters => Glyphs.Keys;

    /// <summary>Width in canvas pixels of <paramref name="text"/> drawn at <paramref name="scale"/>.</summary>
    public static int MeasureWidth(string text, int scale) => text.Length == 0 ? 0 : ((text.Length * Advance) - 1) * scale;

    /// <summary>Draws <paramref name="text"/> with its top-left corner at (<paramref name="x"/>, <paramref name="y"/>), each font pixel a
    /// <paramref name="scale"/>×<paramref name="scale"/> block.</summary>
    public static void Draw(RgbCanvas canvas, string text, int x, int y, int scale, (byte R, byte G, byte B) colour)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var glyph = GlyphOf(text[i]);
            var left = x + (i * Advance * scale);
            for (var row = 0; row < GlyphHeight; row++)
            {
                for (var column = 0; column < GlyphWidth; column++)
                {
                    if (!glyph[(row * GlyphWidth) + column])
                    {
                        continue;
                    }

                    for (var dy = 0; dy < scale; dy++)
                    {
                        for (var dx = 0; dx < scale; dx++)
                        {
                            canvas.Set(left + (column * scale) + dx, y + (row * scale) + dy, colour);
                        }
                    }
                }
            }
        }
    }

    internal static bool[] GlyphOf(char c)
        => Glyphs.TryGetValue(char.ToUpperInvariant(c), out var glyph) ? glyph : Glyphs['?'];

    private static bool[] Parse(char c, string rows)
    {
        var lines = rows.Split('/');
        if (lines.Length != GlyphHeight || lines.Any(l => l.Length != GlyphWidth || l.Any(ch => ch is not ('#' or '.'))))
        {
            throw new InvalidOperationException($"Glyph '{c}' is not {GlyphHeight} rows of {GlyphWidth} '#'/'.' cells.");
        }

        return [.. lines.SelectMany(l => l.Select(ch => ch == '#'))];
    }
}
