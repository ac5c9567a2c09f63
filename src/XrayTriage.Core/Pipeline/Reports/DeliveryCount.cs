namespace XrayTriage.Core.Pipeline.Reports;

/// <summary>Number of deliveries to one destination in one state (metrics).</summary>
public sealed record DeliveryCount(string Destination, DeliveryState State, int Count);
