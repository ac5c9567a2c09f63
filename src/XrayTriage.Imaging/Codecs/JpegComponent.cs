namespace XrayTriage.Imaging.Codecs;

/// <summary>One frame component of a SOF segment (T.81 B.2.2) and, once a scan selects it, its table.</summary>
internal sealed record JpegComponent(int Id, int Horizontal, int Vertical)
{
    public JpegHuffmanTable? Table { get; set; }
}
