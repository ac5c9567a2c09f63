namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>SCP/SCU Role Selection for one SOP class (sub-item 54H).</summary>
/// <remarks>PS3.7 Annex D.3.3.4.</remarks>
/// <param name="SopClassUid">The SOP class the roles apply to.</param>
/// <param name="ScuRole">Whether the association-requestor may act as SCU (or, in the AC, is accepted as SCU).</param>
/// <param name="ScpRole">Whether the association-requestor may act as SCP (or, in the AC, is accepted as SCP).</param>
public sealed record RoleSelection(string SopClassUid, bool ScuRole, bool ScpRole);
