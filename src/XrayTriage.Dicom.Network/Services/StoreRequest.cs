using XrayTriage.Dicom.Network.Dimse;

namespace XrayTriage.Dicom.Network.Services;

/// <summary>One received C-STORE, handed to <see cref="IStoreHandler"/> with its data set stream.</summary>
/// <remarks>PS3.4 §B.2 and PS3.7 §9.1.1.</remarks>
/// <param name="Command">The C-STORE-RQ command set.</param>
/// <param name="TransferSyntaxUid">The transfer syntax the data set is encoded in (the presentation context's).</param>
/// <param name="Association">The association it arrived on.</param>
public sealed record StoreRequest(CStoreRequest Command, string TransferSyntaxUid, AssociationInfo Association);
