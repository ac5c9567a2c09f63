namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The acceptor's answer for one presentation context.</summary>
/// <remarks>
/// PS3.8 §9.3.3.2 (item 21H): context ID, result/reason and one Transfer Syntax sub-item, which is not
/// significant unless the result is acceptance.
/// </remarks>
/// <param name="Id">The presentation context ID from the request.</param>
/// <param name="Result">Acceptance or the reason for rejection.</param>
/// <param name="TransferSyntax">The accepted transfer syntax UID (empty when rejected).</param>
public sealed record PresentationContextAccept(byte Id, PresentationContextResult Result, string TransferSyntax)
{
    /// <summary>Gets whether the context was accepted.</summary>
    public bool IsAccepted => Result == PresentationContextResult.Acceptance;

    internal static PresentationContextAccept Read(ref PduSpanReader item)
    {
        var id = item.ReadByte();
        item.Skip(1);
        var result = (PresentationContextResult)item.ReadByte();
        item.Skip(1);
        string? transferSyntax = null;
        while (!item.IsAtEnd)
        {
            var type = item.ReadItemHeader(out _, out var length);
            if ((ItemType)type == ItemType.TransferSyntax && transferSyntax is null)
            {
                transferSyntax = item.ReadUid(length);
            }
            else
            {
                item.Skip(length);
            }
        }

        if (result == PresentationContextResult.Acceptance && string.IsNullOrEmpty(transferSyntax))
        {
            throw item.Error($"accepted presentation context {id} names no transfer syntax");
        }

        return new PresentationContextAccept(id, result, transferSyntax ?? string.Empty);
    }

    internal void Write(PduBuffer buffer)
    {
        var mark = buffer.BeginItem((byte)ItemType.PresentationContextAccept);
        buffer.WriteByte(Id);
        buffer.WriteByte(0);
        buffer.WriteByte((byte)Result);
        buffer.WriteByte(0);
        var sub = buffer.BeginItem((byte)ItemType.TransferSyntax);
        buffer.WriteAscii(TransferSyntax);
        buffer.EndItem(sub);
        buffer.EndItem(mark);
    }
}
