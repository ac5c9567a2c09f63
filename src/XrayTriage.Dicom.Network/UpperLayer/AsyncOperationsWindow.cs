namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The Asynchronous Operations Window negotiation (sub-item 53H).</summary>
/// <remarks>PS3.7 Annex D.3.3.3; 0 means unlimited, 1/1 (the default when absent) means synchronous.</remarks>
/// <param name="MaxOperationsInvoked">Maximum number of outstanding operations the requestor may invoke.</param>
/// <param name="MaxOperationsPerformed">Maximum number of outstanding operations the requestor may perform.</param>
public readonly record struct AsyncOperationsWindow(ushort MaxOperationsInvoked, ushort MaxOperationsPerformed);
