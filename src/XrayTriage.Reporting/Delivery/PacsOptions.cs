namespace XrayTriage.Reporting.Delivery;

/// <summary>Section <c>Pacs</c>: where reports go. Each destination is delivered to independently (env
/// <c>Pacs__Destinations__0__Name</c>, <c>Pacs__Destinations__0__AeTitle</c>, …). No destination: reports are still
/// created in the database (the worklist shows them) but nothing is sent.</summary>
public sealed class PacsOptions
{
    public const string SectionName = "Pacs";

    /// <summary>Calling AE title of outgoing associations; empty means this service's own <c>Dicom:AeTitle</c>.</summary>
    public string? CallingAeTitle { get; set; }

    public List<PacsDestinationOptions> Destinations { get; set; } = [];
}
