namespace XrayTriage.Dicom.Tests.Corpus;

/// <summary>Structural equality of data sets after a write/read round trip (padding of odd values and group lengths aside).</summary>
internal static class DatasetEquality
{
    public static List<string> Differences(DicomDataset expected, DicomDataset actual, bool compareVR = true, string path = "")
    {
        var problems = new List<string>();
        var theirs = expected.Where(i => !i.Tag.IsGroupLength && i.Tag.Group != 0x0002).ToList();
        var ours = actual.Where(i => !i.Tag.IsGroupLength && i.Tag.Group != 0x0002).ToList();
        if (!theirs.Select(i => i.Tag).SequenceEqual(ours.Select(i => i.Tag)))
        {
            problems.Add($"{path}: tags differ ({theirs.Count} vs {ours.Count})");
            return problems;
        }

        for (var i = 0; i < theirs.Count; i++)
        {
            var (a, b) = (theirs[i], ours[i]);
            var where = $"{path}{a.Tag}";
            if (compareVR && a.VR != b.VR)
            {
                problems.Add($"{where}: VR {a.VR} became {b.VR}");
                continue;
            }

            switch (a, b)
            {
                case (DicomSequence sa, DicomSequence sb):
                    if (sa.Items.Count != sb.Items.Count)
                    {
                        problems.Add($"{where}: {sa.Items.Count} items became {sb.Items.Count}");
                        break;
                    }

                    for (var k = 0; k < sa.Items.Count; k++)
                    {
                        problems.AddRange(Differences(sa.Items[k], sb.Items[k], compareVR, $"{where}[{k}]/"));
                    }

                    break;
                case (DicomFragmentSequence fa, DicomFragmentSequence fb):
                    if (!SameBytes(fa.OffsetTable, fb.OffsetTable) || fa.Fragments.Count != fb.Fragments.Count
                        || fa.Fragments.Zip(fb.Fragments).Any(p => !SameBytes(p.First, p.Second)))
                    {
                        problems.Add($"{where}: fragments differ");
                    }

                    break;
                case (DicomElement ea, DicomElement eb):
                    if (!SameBytes(ea.Buffer, eb.Buffer))
                    {
                        problems.Add($"{where}: value differs ({ea.Length} vs {eb.Length} bytes)");
                    }

                    break;
                default:
                    problems.Add($"{where}: {a.GetType().Name} became {b.GetType().Name}");
                    break;
            }
        }

        return problems;
    }

    private static bool SameBytes(DicomBuffer original, DicomBuffer written)
    {
        var a = original.GetMemory().Span;
        var b = written.GetMemory().Span;
        if (a.SequenceEqual(b))
        {
            return true;
        }

        // An odd-length value gains one padding byte (PS3.5 §7.1.1).
        return (a.Length & 1) == 1 && b.Length == a.Length + 1 && b[..a.Length].SequenceEqual(a);
    }
}
