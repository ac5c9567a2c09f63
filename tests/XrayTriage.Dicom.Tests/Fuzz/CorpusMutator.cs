namespace XrayTriage.Dicom.Tests.Fuzz;

/// <summary>Deterministic mutations of corpus files: truncation, bit flips, hostile lengths, inserted/deleted bytes, splices.</summary>
internal static class CorpusMutator
{
    public static (byte[] Bytes, string Description) Mutate(Random random, byte[] original, byte[] other)
    {
        var bytes = (byte[])original.Clone();
        var headerSpan = Math.Max(1, Math.Min(bytes.Length, 4096));
        switch (random.Next(6))
        {
            case 0:
                var cut = random.Next(bytes.Length);
                return (bytes[..cut], $"truncate at {cut}");
            case 1:
                var flips = random.Next(1, 9);
                for (var i = 0; i < flips; i++)
                {
                    bytes[random.Next(headerSpan)] ^= (byte)(1 << random.Next(8));
                }

                return (bytes, $"flip {flips} bits");
            case 2:
                var at = random.Next(Math.Max(1, headerSpan - 4));
                uint[] hostile = [0xFFFFFFFF, 0xC0000000, 0x7FFFFFFF, 0x0000FFFF, (uint)random.Next(), 0, 1];
                var value = hostile[random.Next(hostile.Length)];
                if (at + 4 <= bytes.Length)
                {
                    BitConverter.TryWriteBytes(bytes.AsSpan(at), value);
                }

                return (bytes, $"length 0x{value:X8} at {at}");
            case 3:
                var insertAt = random.Next(headerSpan);
                var insert = new byte[random.Next(1, 64)];
                random.NextBytes(insert);
                return ([.. bytes[..insertAt], .. insert, .. bytes[insertAt..]], $"insert {insert.Length} at {insertAt}");
            case 4:
                var deleteAt = random.Next(headerSpan);
                var count = Math.Min(random.Next(1, 64), bytes.Length - deleteAt);
                return ([.. bytes[..deleteAt], .. bytes[(deleteAt + count)..]], $"delete {count} at {deleteAt}");
            default:
                var split = random.Next(bytes.Length);
                var from = random.Next(other.Length);
                return ([.. bytes[..split], .. other[from..]], $"splice at {split}/{from}");
        }
    }
}
