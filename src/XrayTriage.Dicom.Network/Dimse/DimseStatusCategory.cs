namespace XrayTriage.Dicom.Network.Dimse;

/// <summary>The class of a DIMSE status code.</summary>
/// <remarks>PS3.7 Annex C.1.</remarks>
public enum DimseStatusCategory
{
    /// <summary>The operation completed (0000).</summary>
    Success,

    /// <summary>The operation completed with a warning (0001, Bxxx, 0107, 0116).</summary>
    Warning,

    /// <summary>The operation failed (Axxx, Cxxx, 01xx, 02xx and any code not otherwise classified).</summary>
    Failure,

    /// <summary>The operation was cancelled (FE00).</summary>
    Cancel,

    /// <summary>More responses follow (FF00, FF01).</summary>
    Pending,
}
