using XrayTriage.Reporting.Documents;

namespace XrayTriage.Reporting.Tests.Documents;

public sealed class BitmapFontTests
{
    [Fact]
    public void Characters_CoverTheCaptionAlphabet()
    {
        foreach (var c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,:;-+%()/_'\"!?=<>[]#*|\u2014")
        {
            Assert.Contains(c, BitmapFont.Characters);
        }
    }

    [Fact]
    public void GlyphOf_LowerCase_IsTheUpperCaseGlyph() => Assert.Same(BitmapFont.GlyphOf('A'), BitmapFont.GlyphOf('a'));

    [Fact]
    public void GlyphOf_UnknownCharacter_IsTheQuestionMark() => Assert.Same(BitmapFont.GlyphOf('?'), BitmapFont.GlyphOf('é'));

    [Fact]
    public void Draw_Scale3_InkBlocksOfThreePixels()
    {
        var canvas = new RgbCanvas(40, 30, new byte[40 * 30 * 3]);

        BitmapFont.Draw(canvas, "I", 1, 1, 3, (255, 0, 0));

        // 'I' is ".###." on top: columns 1-3 inked, so canvas x 4..12 red on rows 1..3, x 1..3 black.
        Assert.Equal(255, canvas.Pixels[((1 * 40) + 4) * 3]);
        Assert.Equal(255, canvas.Pixels[((3 * 40) + 12) * 3]);
        Assert.Equal(0, canvas.Pixels[((1 * 40) + 3) * 3]);
        Assert.Equal(0, canvas.Pixels[((1 * 40) + 13) * 3]);
        Assert.Equal(29, BitmapFont.MeasureWidth("ABCDE", 1));
    }
}
