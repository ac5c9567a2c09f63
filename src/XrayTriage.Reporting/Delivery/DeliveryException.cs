namespace XrayTriage.Reporting.Delivery;

/// <summary>A delivery attempt that did not succeed, with whether trying again later can help: a refused or
/// dropped connection, a timeout or "out of resources" can; a rejected AE title, an unsupported SOP class or a
/// refusal status (A9xx, Cxxx) cannot, and marks the report <c>Failed</c> for that destination at once.</summary>
internal sealed class DeliveryException(string message, bool isTransient, Exception? innerException = null)
    : Exception(message, innerException)
{
    public bool IsTransient { get; } = isTransient;
}
