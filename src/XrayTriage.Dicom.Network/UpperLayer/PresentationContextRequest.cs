namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>A proposed presentation context: one abstract syntax and the transfer syntaxes offered for it.</summary>
/// <remarks>PS3.8 §9.3.2.2 (item 20H) with Abstract Syntax (30H) and Transfer Syntax (40H) sub-items.</remarks>
/// <param name="Id">The presentation context ID (odd, 1–255).</param>
/// <param name="AbstractSyntax">The SOP class UID (abstract syntax name).</param>
/// <param name="TransferSyntaxes">The transfer syntax UIDs proposed, in the requestor's order.</param>
public sealed record PresentationContextRequest(byte Id, string AbstractSyntax, IReadOnlyList<string> TransferSyntaxes)
{
    internal static PresentationContextRequest Read(ref PduSpanReader item)
    {
        var id = item.ReadByte();
        item.Skip(3);
        string? abstractSyntax = null;
        var transferSyntaxes = new List<string>();
        while (!item.IsAtEnd)
        {
            var type = item.ReadItemHeader(out _, out var length);
            switch ((ItemType)type)
            {
                case ItemType.AbstractSyntax when abstractSyntax is null:
                    abstractSyntax = item.ReadUid(length);
                    break;
                case ItemType.AbstractSyntax:
                    throw item.Error($"presentation context {id} has more than one abstract syntax");
                case ItemType.TransferSyntax:
                    transferSyntaxes.Add(item.ReadUid(length));
                    break;
                default:
                    item.Skip(length);
                    break;
            }
        }

        if (abstractSyntax is null || transferSyntaxes.Count == 0)
        {
            throw item.Error($"presentation context {id} lacks an abstract syntax or a transfer syntax");
        }

        return new PresentationContextRequest(id, abstractSyntax, transferSyntaxes);
    }

    internal void Write(PduBuffer buffer)
    {
        var mark = buffer.BeginItem((byte)ItemType.PresentationContextRequest);
        buffer.WriteByte(Id);
        buffer.WriteZeros(3);
        var sub = buffer.BeginItem((byte)ItemType.AbstractSyntax);
        buffer.WriteAscii(AbstractSyntax);
        buffer.EndItem(sub);
        foreach (var transferSyntax in TransferSyntaxes)
        {
            sub = buffer.BeginItem((byte)ItemType.TransferSyntax);
            buffer.WriteAscii(transferSyntax);
            buffer.EndItem(sub);
        }

        buffer.EndItem(mark);
    }
}
