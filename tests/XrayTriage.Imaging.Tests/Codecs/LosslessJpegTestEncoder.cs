namespace XrayTriage.Imaging.Tests.Codecs;

/// <summary>
/// A minimal T.81 Process 14 encoder written from the standard for the cases DCMTK's dcmcjpeg cannot make: restart
/// intervals (DRI/RSTn) and three interleaved components. One Huffman table gives every category 0–16 a 5-bit code.
/// </summary>
internal sealed class LosslessJpegTestEncoder(int rows, int columns, int precision, int predictor, int restartInterval)
{
    private readonly List<byte> _output = [];
    private int _buffer;
    private int _bits;

    public byte[] Encode(ushort[][] planes)
    {
        _output.AddRange([0xFF, 0xD8]);
        Segment(0xC3, [(byte)precision, (byte)(rows >> 8), (byte)rows, (byte)(columns >> 8), (byte)columns, (byte)planes.Length,
            .. Enumerable.Range(0, planes.Length).SelectMany(c => new byte[] { (byte)(c + 1), 0x11, 0 })]);
        Segment(0xC4, [0x00, 0, 0, 0, 0, 17, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, .. Enumerable.Range(0, 17).Select(v => (byte)v)]);
        if (restartInterval > 0)
        {
            Segment(0xDD, [(byte)(restartInterval >> 8), (byte)restartInterval]);
        }

        Segment(
            0xDA,
            [
                (byte)planes.Length,
                .. Enumerable.Range(0, planes.Length).SelectMany(c => new byte[] { (byte)(c + 1), 0x00 }),
                (byte)predictor, 0, 0,
            ]);
        var linesPerInterval = restartInterval / columns;
        var intervalStart = 0;
        var marker = 0;
        for (var y = 0; y < rows; y++)
        {
            if (linesPerInterval > 0 && y > 0 && y % linesPerInterval == 0)
            {
                PadAndFlush();
                _output.AddRange([0xFF, (byte)(0xD0 + marker)]);
                marker = (marker + 1) & 7;
                intervalStart = y;
            }

            for (var x = 0; x < columns; x++)
            {
                foreach (var plane in planes)
                {
                    var i = (y * columns) + x;
                    int prediction = y == intervalStart ? (x == 0 ? 1 << (precision - 1) : plane[i - 1])
                        : x == 0 ? plane[i - columns]
                        : Predict(plane[i - 1], plane[i - columns], plane[i - columns - 1]);
                    WriteDifference((plane[i] - prediction) & 0xFFFF);
                }
            }
        }

        PadAndFlush();
        _output.AddRange([0xFF, 0xD9]);
        return [.. _output];
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

    private void WriteDifference(int modular)
    {
        if (modular == 32768)
        {
            Write(16, 5);
            return;
        }

        var difference = modular >= 32768 ? modular - 65536 : modular;
        var category = 0;
        while ((1 << category) <= Math.Abs(difference))
        {
            category++;
        }

        Write(category, 5);
        if (category > 0)
        {
            Write(difference > 0 ? difference : difference + (1 << category) - 1, category);
        }
    }

    private void Write(int value, int count)
    {
        for (var b = count - 1; b >= 0; b--)
        {
            _buffer = (_buffer << 1) | ((value >> b) & 1);
            if (++_bits == 8)
            {
                _output.Add((byte)_buffer);
                if (_buffer == 0xFF)
                {
                    _output.Add(0);
                }

                _buffer = 0;
                _bits = 0;
            }
        }
    }

    private void PadAndFlush()
    {
        while (_bits != 0)
        {
            Write(1, 1);
        }
    }

    private void Segment(byte marker, byte[] body)
    {
        _output.AddRange([0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2), .. body]);
    }
}
