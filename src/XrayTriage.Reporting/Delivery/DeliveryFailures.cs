using System.Net.Sockets;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using XrayTriage.Dicom.Network;
using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Reporting.Delivery;

/// <summary>Which failures are worth retrying: the single place both the Polly pipeline and the outbox ask.</summary>
internal static class DeliveryFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        DeliveryException delivery => delivery.IsTransient,
        DicomNetworkException network => network.IsTransient,
        TimeoutRejectedException or BrokenCircuitException => true,
        SocketException or IOException => true,
        _ => false,
    };

    /// <summary>What Polly retries and counts against the breaker: the same transient failures, except the breaker's own
    /// refusal (retrying an open circuit at once would only spin).</summary>
    public static PredicateBuilder<object> TransientPredicate() => new PredicateBuilder()
        .Handle<Exception>(e => e is not BrokenCircuitException && IsTransient(e));

    /// <summary>Turns a failed C-STORE status into a delivery failure; <see langword="null"/> for success, warnings and
    /// 0111 "duplicate SOP instance" (a resend of an object the peer already holds: at-least-once delivery with stable
    /// UIDs means that is the expected answer, not an error).</summary>
    /// <remarks>PS3.7 Annex C: A7xx "out of resources" and 0213 "resource limitation" may pass; 0110 "processing failure"
    /// is the peer's own trouble and is retried a bounded number of times; A9xx (data set does not match SOP class), Cxxx
    /// (cannot understand), 0122 (SOP class not supported), 0124 (not authorized) will not change by waiting.</remarks>
    public static DeliveryException? FromStatus(DimseStatus status, string what)
    {
        var code = status.Code;
        if (status.Category is DimseStatusCategory.Success or DimseStatusCategory.Warning || status == DimseStatus.DuplicateSopInstance)
        {
            return null;
        }

        var transient = (code & 0xFF00) == 0xA700 || status == DimseStatus.ProcessingFailure || status == DimseStatus.ResourceLimitation;
        return new DeliveryException($"{what} refused with status {code:X4}H ({status.Category})", transient);
    }
}
