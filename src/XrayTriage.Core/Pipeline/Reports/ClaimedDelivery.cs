namespace XrayTriage.Core.Pipeline.Reports;

/// <summary>A delivery a sender has claimed (state Sending) until its lease ends.</summary>
/// <param name="DeliveryId">Row of the delivery; pass it with the same owner to mark the outcome.</param>
/// <param name="ReportId">The report to send (<c>GetContentAsync</c>).</param>
/// <param name="Destination">Configured destination name.</param>
/// <param name="Attempt">1 for the first attempt; counts every claim, including lease takeovers.</param>
public sealed record ClaimedDelivery(long DeliveryId, long ReportId, string Destination, int Attempt);
