using System.Globalization;
using XrayTriage.Dicom;

namespace XrayTriage.Reporting.Documents;

/// <summary>Copies the patient and study attributes of a source image into a derived object (SR or SC) unchanged: the
/// encoded bytes move as they are, with Specific Character Set, so names in any character set survive.</summary>
internal static class SourceAttributes
{
    /// <summary>Patient (C.7.1.1), General Study (C.7.2.1) and Patient Study (C.7.2.2) attributes taken when present.</summary>
    private static readonly DicomTag[] Copied =
    [
        DicomTags.SpecificCharacterSet,
        DicomTags.TimezoneOffsetFromUTC,
        DicomTags.StudyDate, DicomTags.StudyTime, DicomTags.AccessionNumber, DicomTags.IssuerOfAccessionNumberSequence,
        DicomTags.ReferringPhysicianName, DicomTags.StudyDescription,
        DicomTags.PatientName, DicomTags.PatientID, DicomTags.IssuerOfPatientID, DicomTags.TypeOfPatientID,
        DicomTags.IssuerOfPatientIDQualifiersSequence, DicomTags.PatientBirthDate, DicomTags.PatientBirthTime,
        DicomTags.PatientSex, DicomTags.OtherPatientIDsSequence, DicomTags.PatientComments,
        DicomTags.PatientIdentityRemoved, DicomTags.DeidentificationMethod,
        DicomTags.PatientAge, DicomTags.PatientSize, DicomTags.PatientWeight,
        DicomTags.StudyInstanceUID, DicomTags.StudyID,
    ];

    /// <summary>Type 2 attributes of those modules: written empty when the source lacks them.</summary>
    private static readonly (DicomTag Tag, DicomVR VR)[] TypeTwo =
    [
        (DicomTags.StudyDate, DicomVR.DA), (DicomTags.StudyTime, DicomVR.TM), (DicomTags.AccessionNumber, DicomVR.SH),
        (DicomTags.ReferringPhysicianName, DicomVR.PN), (DicomTags.PatientName, DicomVR.PN), (DicomTags.PatientID, DicomVR.LO),
        (DicomTags.PatientBirthDate, DicomVR.DA), (DicomTags.PatientSex, DicomVR.CS), (DicomTags.StudyID, DicomVR.SH),
    ];

    public static void CopyTo(DicomDataset source, DicomDataset target)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!source.TryGetString(DicomTags.StudyInstanceUID, out var studyUid) || !DicomUid.IsValid(studyUid))
        {
            throw new ArgumentException("The source data set has no valid Study Instance UID.", nameof(source));
        }

        foreach (var tag in Copied)
        {
            if (source.TryGetItem(tag, out var item) && !(tag == DicomTags.PatientAge && !IsValidAge(source)))
            {
                target.AddOrUpdate(DeepCopy(item));
            }
        }

        foreach (var (tag, vr) in TypeTwo)
        {
            if (!target.Contains(tag))
            {
                target.Add(tag, vr);
            }
        }
    }

    /// <summary>Patient's Age is optional; a value that is not AS (nnnD/W/M/Y) is dropped rather than copied into an
    /// invalid object.</summary>
    private static bool IsValidAge(DicomDataset source)
        => source.TryGetString(DicomTags.PatientAge, out var age)
            && age.Length == 4
            && char.IsAsciiDigit(age[0]) && char.IsAsciiDigit(age[1]) && char.IsAsciiDigit(age[2])
            && "DWMY".Contains(age[3], StringComparison.Ordinal);

    public static string StudyInstanceUid(DicomDataset source) => source.GetString(DicomTags.StudyInstanceUID);

    /// <summary>The source's Timezone Offset From UTC (+HHMM), if it declares one.</summary>
    public static TimeSpan? TimezoneOffset(DicomDataset source)
    {
        if (!source.TryGetString(DicomTags.TimezoneOffsetFromUTC, out var text) || text.Trim().Length != 5)
        {
            return null;
        }

        text = text.Trim();
        var sign = text[0] == '-' ? -1 : text[0] == '+' ? 1 : 0;
        if (sign == 0
            || !int.TryParse(text.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || hours > 14 || minutes > 59)
        {
            return null;
        }

        return sign * new TimeSpan(hours, minutes, 0);
    }

    /// <summary>Content Date (DA) and Content Time (TM) of an instant, in the source's time zone when it declares one.</summary>
    public static (string Date, string Time) DateAndTime(DicomDataset source, DateTimeOffset instant)
    {
        var local = TimezoneOffset(source) is { } offset ? instant.ToOffset(offset) : instant;
        return (local.ToString("yyyyMMdd", CultureInfo.InvariantCulture), local.ToString("HHmmss.ffffff", CultureInfo.InvariantCulture));
    }

    /// <summary>A copy whose sequences are new objects (an item belongs to one sequence); element buffers are immutable
    /// and shared.</summary>
    public static DicomItem DeepCopy(DicomItem item, int depth = 0)
    {
        if (item is not DicomSequence sequence)
        {
            return item;
        }

        if (depth > 8)
        {
            throw new ArgumentException($"Sequence {item.Tag} nests deeper than 8 levels.", nameof(item));
        }

        return new DicomSequence(sequence.Tag, sequence.Items.Select(i => new DicomDataset(i.Select(child => DeepCopy(child, depth + 1)))));
    }
}
