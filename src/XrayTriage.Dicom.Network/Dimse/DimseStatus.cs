using System.Globalization;

namespace XrayTriage.Dicom.Network.Dimse;

/// <summary>A DIMSE status code (0000,0900) with its category and meaning.</summary>
/// <remarks>
/// PS3.7 Annex C (general statuses) and PS3.4 §B.2.3 (C-STORE statuses). Service-specific ranges are
/// classified by their high byte or nibble: A7xx out of resources, A9xx data set does not match SOP
/// class, Cxxx cannot understand.
/// </remarks>
/// <param name="Code">The 16-bit status code.</param>
public readonly record struct DimseStatus(ushort Code)
{
    /// <summary>0000: success.</summary>
    public static readonly DimseStatus Success = new(0x0000);

    /// <summary>B000: warning, coercion of data elements (PS3.4 §B.2.3).</summary>
    public static readonly DimseStatus CoercionOfDataElements = new(0xB000);

    /// <summary>B006: warning, elements discarded (PS3.4 §B.2.3).</summary>
    public static readonly DimseStatus ElementsDiscarded = new(0xB006);

    /// <summary>B007: warning, data set does not match SOP class (PS3.4 §B.2.3).</summary>
    public static readonly DimseStatus DataSetDoesNotMatchSopClassWarning = new(0xB007);

    /// <summary>A700: refused, out of resources (PS3.4 §B.2.3); transient.</summary>
    public static readonly DimseStatus OutOfResources = new(0xA700);

    /// <summary>A900: error, data set does not match SOP class (PS3.4 §B.2.3).</summary>
    public static readonly DimseStatus DataSetDoesNotMatchSopClass = new(0xA900);

    /// <summary>C000: error, cannot understand (PS3.4 §B.2.3).</summary>
    public static readonly DimseStatus CannotUnderstand = new(0xC000);

    /// <summary>0110: processing failure (PS3.7 Annex C.4.3).</summary>
    public static readonly DimseStatus ProcessingFailure = new(0x0110);

    /// <summary>0111: duplicate SOP instance (PS3.7 Annex C.4).</summary>
    public static readonly DimseStatus DuplicateSopInstance = new(0x0111);

    /// <summary>0122: refused, SOP class not supported (PS3.7 Annex C.5.20).</summary>
    public static readonly DimseStatus SopClassNotSupported = new(0x0122);

    /// <summary>0124: refused, not authorized (PS3.7 Annex C.5).</summary>
    public static readonly DimseStatus NotAuthorized = new(0x0124);

    /// <summary>0211: unrecognized operation (PS3.7 Annex C.5).</summary>
    public static readonly DimseStatus UnrecognizedOperation = new(0x0211);

    /// <summary>0213: resource limitation (PS3.7 Annex C.5); transient.</summary>
    public static readonly DimseStatus ResourceLimitation = new(0x0213);

    /// <summary>FE00: cancel.</summary>
    public static readonly DimseStatus Cancel = new(0xFE00);

    /// <summary>FF00: pending.</summary>
    public static readonly DimseStatus Pending = new(0xFF00);

    /// <summary>Gets the category of the code.</summary>
    public DimseStatusCategory Category => Code switch
    {
        0x0000 => DimseStatusCategory.Success,
        0xFE00 => DimseStatusCategory.Cancel,
        0xFF00 or 0xFF01 => DimseStatusCategory.Pending,
        0x0001 or 0x0107 or 0x0116 => DimseStatusCategory.Warning,
        >= 0xB000 and <= 0xBFFF => DimseStatusCategory.Warning,
        _ => DimseStatusCategory.Failure,
    };

    /// <summary>Gets whether the category is <see cref="DimseStatusCategory.Success"/>.</summary>
    public bool IsSuccess => Category == DimseStatusCategory.Success;

    /// <summary>Gets whether the category is <see cref="DimseStatusCategory.Warning"/>; the operation still completed.</summary>
    public bool IsWarning => Category == DimseStatusCategory.Warning;

    /// <summary>Gets whether the category is <see cref="DimseStatusCategory.Failure"/>.</summary>
    public bool IsFailure => Category == DimseStatusCategory.Failure;

    /// <summary>Gets whether a failure may succeed if retried later (A7xx out of resources, 0213 resource limitation).</summary>
    public bool IsTransient => (Code & 0xFF00) == 0xA700 || Code == 0x0213;

    /// <summary>Gets a short description of the code.</summary>
    public string Description => Code switch
    {
        0x0000 => "Success",
        0x0001 => "Warning",
        0x0107 => "Warning: attribute list error",
        0x0116 => "Warning: attribute value out of range",
        0xB000 => "Warning: coercion of data elements",
        0xB006 => "Warning: elements discarded",
        0xB007 => "Warning: data set does not match SOP class",
        0x0110 => "Failure: processing failure",
        0x0111 => "Failure: duplicate SOP instance",
        0x0117 => "Failure: invalid object instance",
        0x0122 => "Refused: SOP class not supported",
        0x0124 => "Refused: not authorized",
        0x0210 => "Failure: duplicate invocation",
        0x0211 => "Failure: unrecognized operation",
        0x0212 => "Failure: mistyped argument",
        0x0213 => "Failure: resource limitation",
        0xFE00 => "Cancel",
        0xFF00 or 0xFF01 => "Pending",
        _ when (Code & 0xFF00) == 0xA700 => "Refused: out of resources",
        _ when (Code & 0xFF00) == 0xA900 => "Error: data set does not match SOP class",
        _ when (Code & 0xF000) == 0xC000 => "Error: cannot understand",
        _ when IsWarning => "Warning",
        _ => "Failure",
    };

    /// <inheritdoc />
    public override string ToString() => $"0x{Code.ToString("X4", CultureInfo.InvariantCulture)} ({Description})";
}
