namespace XrayTriage.Imaging.Codecs;

/// <summary>
/// Decodes the entropy-coded data of one lossless scan (T.81 H.2): each sample is a Huffman-coded difference
/// category (F.1.2.1), its extra bits, and a prediction from the left (Ra), above (Rb) and above-left (Rc)
/// neighbours, reconstructed modulo 2^16. The first line of the scan and of each restart interval predicts from
/// the left only, starting at 2^(P−Pt−1); the first column predicts from above.
/// </summary>
internal sealed class JpegLosslessScan(int rows, int columns, int precision, int predictor, int restartInterval)
{
    public void Decode(JpegBitReader reader, JpegHuffmanTable[] tables, ushort[][] planes)
    {
        if (restartInterval > 0 && restartInterval % columns != 0)
        {
            throw new ImagingException(
                $"JPEG Lossless: restart interval {restartInterval} is not a whole number of {columns}-sample lines.");
        }

        var linesPerInterval = restartInterval / columns;
        var initial = 1 << (precision - 1);
        var intervalStart = 0;
        var restartIndex = 0;
        for (var y = 0; y < rows; y++)
        {
            if (linesPerInterval > 0 && y > 0 && y % linesPerInterval == 0)
            {
                reader.ReadRestartMarker(restartIndex);
                restartIndex = (restartIndex + 1) & 7;
                intervalStart = y;
            }

            var firstLine = y == intervalStart;
            var rowStart = y * columns;
            for (var x = 0; x < columns; x++)
            {
                var i = rowStart + x;
                for (var c = 0; c < planes.Length; c++)
                {
                    var plane = planes[c];
                    int prediction;
                    if (firstLine)
                    {
                        prediction = x == 0 ? initial : plane[i - 1];
                    }
                    else if (x == 0)
                    {
                        prediction = plane[i - columns];
                    }
                    else
                    {
                        prediction = Predict(plane[i - 1], plane[i - columns], plane[i - columns - 1]);
                    }

                    plane[i] = (ushort)(prediction + ReadDifference(reader, tables[c]));
                }
            }
        }
    }

    private int Predict(int ra, int rb, int rc) => predictor switch
    {
        1 => ra,
        2 => rb,
        3 => rc,
        4 => ra + rb - rc,
        5 => ra + ((rb - rc) >> 1),
        6 => rb + ((ra - rc) >> 1),
        _ => (ra + rb) >> 1,
    };

    /// <summary>A difference: category SSSS, then SSSS bits extended to a signed value (T.81 F.2.2.1, H.1.2.2);
    /// category 16 is 32768 with no extra bits.</summary>
    private static int ReadDifference(JpegBitReader reader, JpegHuffmanTable table)
    {
        var category = table.Decode(reader);
        switch (category)
        {
            case 0:
                return 0;
            case 16:
                return 32768;
            case > 16:
                throw new ImagingException($"JPEG Lossless: difference category {category} is over 16, near byte {reader.Position}.");
            default:
                var bits = reader.Receive(category);
                return bits < 1 << (category - 1) ? bits - (1 << category) + 1 : bits;
        }
    }
}
