namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The User Information item (50H) of an A-ASSOCIATE-RQ or -AC and its sub-items.</summary>
/// <remarks>
/// PS3.8 §9.3.2.3 and Annex D; PS3.7 Annex D.3.3. Unknown sub-items are skipped when read and a
/// repeated single-valued sub-item is a protocol error.
/// </remarks>
public sealed class UserInformation
{
    /// <summary>Gets the maximum P-DATA-TF PDU length the sender can receive (51H); 0 means unlimited.</summary>
    /// <remarks>PS3.8 Annex D.1.</remarks>
    public uint? MaximumLength { get; init; }

    /// <summary>Gets the implementation class UID (52H).</summary>
    /// <remarks>PS3.7 Annex D.3.3.2.</remarks>
    public string? ImplementationClassUid { get; init; }

    /// <summary>Gets the implementation version name (55H), 1–16 characters.</summary>
    /// <remarks>PS3.7 Annex D.3.3.2.</remarks>
    public string? ImplementationVersionName { get; init; }

    /// <summary>Gets the asynchronous operations window (53H), if negotiated.</summary>
    public AsyncOperationsWindow? AsyncOperationsWindow { get; init; }

    /// <summary>Gets the SCP/SCU role selections (54H).</summary>
    public IReadOnlyList<RoleSelection> RoleSelections { get; init; } = [];

    /// <summary>Gets the SOP class extended negotiations (56H).</summary>
    public IReadOnlyList<SopClassExtendedNegotiation> ExtendedNegotiations { get; init; } = [];

    /// <summary>Gets the SOP class common extended negotiations (57H).</summary>
    public IReadOnlyList<SopClassCommonExtendedNegotiation> CommonExtendedNegotiations { get; init; } = [];

    /// <summary>Gets the user identity offered by the requestor (58H).</summary>
    public UserIdentityRequest? UserIdentityRequest { get; init; }

    /// <summary>Gets the acceptor's user identity response (59H).</summary>
    public UserIdentityResponse? UserIdentityResponse { get; init; }

    internal static UserInformation Read(ref PduSpanReader item)
    {
        uint? maximumLength = null;
        string? classUid = null;
        string? versionName = null;
        AsyncOperationsWindow? window = null;
        var roles = new List<RoleSelection>();
        var extended = new List<SopClassExtendedNegotiation>();
        var common = new List<SopClassCommonExtendedNegotiation>();
        UserIdentityRequest? identityRequest = null;
        UserIdentityResponse? identityResponse = null;
        while (!item.IsAtEnd)
        {
            var type = (ItemType)item.ReadItemHeader(out _, out var length);
            var sub = item.Slice(length, $"user information sub-item 0x{(byte)type:X2}");
            item.Skip(length);
            switch (type)
            {
                case ItemType.MaximumLength:
                    Once(maximumLength, ref sub);
                    maximumLength = sub.ReadUInt32();
                    break;
                case ItemType.ImplementationClassUid:
                    Once(classUid, ref sub);
                    classUid = sub.ReadUid(length);
                    break;
                case ItemType.ImplementationVersionName:
                    Once(versionName, ref sub);
                    versionName = sub.ReadUid(length);
                    break;
                case ItemType.AsynchronousOperationsWindow:
                    Once(window, ref sub);
                    window = new AsyncOperationsWindow(sub.ReadUInt16(), sub.ReadUInt16());
                    break;
                case ItemType.RoleSelection:
                    roles.Add(new RoleSelection(sub.ReadUid(sub.ReadUInt16()), sub.ReadByte() != 0, sub.ReadByte() != 0));
                    break;
                case ItemType.SopClassExtendedNegotiation:
                    extended.Add(new SopClassExtendedNegotiation(sub.ReadUid(sub.ReadUInt16()), sub.ReadBytes(sub.Remaining).ToArray()));
                    break;
                case ItemType.SopClassCommonExtendedNegotiation:
                    common.Add(ReadCommonExtended(ref sub));
                    break;
                case ItemType.UserIdentityRequest:
                    Once(identityRequest, ref sub);
                    identityRequest = new UserIdentityRequest(
                        (UserIdentityType)sub.ReadByte(),
                        sub.ReadByte() != 0,
                        sub.ReadBytes(sub.ReadUInt16()).ToArray(),
                        sub.ReadBytes(sub.ReadUInt16()).ToArray());
                    break;
                case ItemType.UserIdentityResponse:
                    Once(identityResponse, ref sub);
                    identityResponse = new UserIdentityResponse(sub.ReadBytes(sub.ReadUInt16()).ToArray());
                    break;
                default:
                    continue;
            }

            if (!sub.IsAtEnd && type != ItemType.SopClassExtendedNegotiation)
            {
                throw sub.Error("unexpected trailing bytes");
            }
        }

        return new UserInformation
        {
            MaximumLength = maximumLength,
            ImplementationClassUid = classUid,
            ImplementationVersionName = versionName,
            AsyncOperationsWindow = window,
            RoleSelections = roles,
            ExtendedNegotiations = extended,
            CommonExtendedNegotiations = common,
            UserIdentityRequest = identityRequest,
            UserIdentityResponse = identityResponse,
        };
    }

    internal void Write(PduBuffer buffer)
    {
        var mark = buffer.BeginItem((byte)ItemType.UserInformation);
        if (MaximumLength is { } maximumLength)
        {
            var sub = buffer.BeginItem((byte)ItemType.MaximumLength);
            buffer.WriteUInt32(maximumLength);
            buffer.EndItem(sub);
        }

        WriteString(buffer, ItemType.ImplementationClassUid, ImplementationClassUid);
        if (AsyncOperationsWindow is { } window)
        {
            var sub = buffer.BeginItem((byte)ItemType.AsynchronousOperationsWindow);
            buffer.WriteUInt16(window.MaxOperationsInvoked);
            buffer.WriteUInt16(window.MaxOperationsPerformed);
            buffer.EndItem(sub);
        }

        foreach (var role in RoleSelections)
        {
            var sub = buffer.BeginItem((byte)ItemType.RoleSelection);
            buffer.WriteLengthPrefixedAscii(role.SopClassUid);
            buffer.WriteByte(role.ScuRole ? (byte)1 : (byte)0);
            buffer.WriteByte(role.ScpRole ? (byte)1 : (byte)0);
            buffer.EndItem(sub);
        }

        WriteString(buffer, ItemType.ImplementationVersionName, ImplementationVersionName);
        foreach (var negotiation in ExtendedNegotiations)
        {
            var sub = buffer.BeginItem((byte)ItemType.SopClassExtendedNegotiation);
            buffer.WriteLengthPrefixedAscii(negotiation.SopClassUid);
            buffer.WriteBytes(negotiation.ServiceClassApplicationInformation.Span);
            buffer.EndItem(sub);
        }

        foreach (var negotiation in CommonExtendedNegotiations)
        {
            WriteCommonExtended(buffer, negotiation);
        }

        if (UserIdentityRequest is { } request)
        {
            var sub = buffer.BeginItem((byte)ItemType.UserIdentityRequest);
            buffer.WriteByte((byte)request.IdentityType);
            buffer.WriteByte(request.PositiveResponseRequested ? (byte)1 : (byte)0);
            buffer.WriteLengthPrefixedBytes(request.PrimaryField.Span);
            buffer.WriteLengthPrefixedBytes(request.SecondaryField.Span);
            buffer.EndItem(sub);
        }

        if (UserIdentityResponse is { } response)
        {
            var sub = buffer.BeginItem((byte)ItemType.UserIdentityResponse);
            buffer.WriteLengthPrefixedBytes(response.ServerResponse.Span);
            buffer.EndItem(sub);
        }

        buffer.EndItem(mark);
    }

    private static SopClassCommonExtendedNegotiation ReadCommonExtended(ref PduSpanReader sub)
    {
        var sopClass = sub.ReadUid(sub.ReadUInt16());
        var serviceClass = sub.ReadUid(sub.ReadUInt16());
        var relatedLength = sub.ReadUInt16();
        var related = sub.Slice(Math.Min(relatedLength, sub.Remaining), "related general SOP classes");
        sub.Skip(relatedLength);
        var uids = new List<string>();
        while (!related.IsAtEnd)
        {
            uids.Add(related.ReadUid(related.ReadUInt16()));
        }

        return new SopClassCommonExtendedNegotiation(sopClass, serviceClass, uids);
    }

    private static void WriteCommonExtended(PduBuffer buffer, SopClassCommonExtendedNegotiation negotiation)
    {
        var sub = buffer.BeginItem((byte)ItemType.SopClassCommonExtendedNegotiation);
        buffer.WriteLengthPrefixedAscii(negotiation.SopClassUid);
        buffer.WriteLengthPrefixedAscii(negotiation.ServiceClassUid);
        var related = new PduBuffer();
        foreach (var uid in negotiation.RelatedGeneralSopClassUids)
        {
            related.WriteLengthPrefixedAscii(uid);
        }

        buffer.WriteLengthPrefixedBytes(related.WrittenSpan);
        buffer.EndItem(sub);
    }

    private static void WriteString(PduBuffer buffer, ItemType type, string? value)
    {
        if (value is not null)
        {
            var sub = buffer.BeginItem((byte)type);
            buffer.WriteAscii(value);
            buffer.EndItem(sub);
        }
    }

    private static void Once<T>(T? existing, ref PduSpanReader sub)
    {
        if (existing is not null)
        {
            throw sub.Error("repeated sub-item");
        }
    }
}
