namespace XrayTriage.Dicom;

/// <summary>The broad interpretation of a value representation.</summary>
public enum DicomVRKind
{
    /// <summary>Text in the default repertoire (AE, AS, CS, DA, DS, DT, IS, TM, UI, UR).</summary>
    Text,

    /// <summary>Text affected by Specific Character Set (SH, LO, ST, LT, UT, UC, PN).</summary>
    CharacterSetText,

    /// <summary>Fixed-size binary numbers (US, SS, UL, SL, FL, FD, AT, SV, UV).</summary>
    Binary,

    /// <summary>Byte or word streams (OB, OW, OL, OF, OD, OV, UN).</summary>
    Bulk,

    /// <summary>A sequence of items (SQ).</summary>
    Sequence,
}
