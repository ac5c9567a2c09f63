using XrayTriage.Dicom;

namespace XrayTriage.Imaging.Pixels;

/// <summary>
/// The attributes an enhanced multi-frame image gives one frame through its functional groups (PS3.3 C.7.6.16):
/// the Pixel Value Transformation (rescale, C.7.6.16.2.9) and Frame VOI LUT (window, C.7.6.16.2.10) macros, each
/// taken from the frame's item of the Per-frame Functional Groups Sequence when it is there, else from the Shared
/// Functional Groups Sequence. The result is a shallow copy of the data set with those attributes at the top level,
/// where the grayscale pipeline reads them; a data set without functional groups is returned as it is.
/// </summary>
internal static class FunctionalGroups
{
    private static readonly DicomTag[] Macros = [DicomTags.PixelValueTransformationSequence, DicomTags.FrameVOILUTSequence];

    public static DicomDataset ForFrame(DicomDataset dataset, int frame)
    {
        var shared = FirstItem(dataset, DicomTags.SharedFunctionalGroupsSequence, 0);
        var perFrame = FirstItem(dataset, DicomTags.PerFrameFunctionalGroupsSequence, frame);
        if (shared is null && perFrame is null)
        {
            return dataset;
        }

        var view = dataset.Clone();
        foreach (var macro in Macros)
        {
            var item = (perFrame is null ? null : FirstItem(perFrame, macro, 0)) ?? (shared is null ? null : FirstItem(shared, macro, 0));
            foreach (var element in item?.OfType<DicomElement>() ?? [])
            {
                view.AddOrUpdate(element);
            }
        }

        return view;
    }

    private static DicomDataset? FirstItem(DicomDataset dataset, DicomTag tag, int index)
        => dataset.TryGetSequence(tag, out var sequence) && index < sequence.Items.Count ? sequence.Items[index] : null;
}
