namespace XrayTriage.Dicom.Network.UpperLayer;

/// <summary>The layout shared by A-ASSOCIATE-RQ and A-ASSOCIATE-AC (PS3.8 §9.3.2 and §9.3.3).</summary>
internal static class AssociationPduCodec
{
    /// <summary>The DICOM application context name (PS3.7 Annex A.2.1).</summary>
    public const string DicomApplicationContext = "1.2.840.10008.3.1.1.1";

    /// <summary>Fixed fields before the variable items: version, reserved, two AE titles, 32 reserved bytes.</summary>
    public const int FixedLength = 68;

    public static void WriteFixedFields(
        PduBuffer buffer, ushort protocolVersion, string calledAeTitle, string callingAeTitle, bool validateAeTitles)
    {
        buffer.WriteUInt16(protocolVersion);
        buffer.WriteZeros(2);
        buffer.WriteAeTitle(calledAeTitle, validateAeTitles);
        buffer.WriteAeTitle(callingAeTitle, validateAeTitles);
        buffer.WriteZeros(32);
    }

    public static void WriteApplicationContext(PduBuffer buffer, string applicationContextName)
    {
        var mark = buffer.BeginItem((byte)ItemType.ApplicationContext);
        buffer.WriteAscii(applicationContextName);
        buffer.EndItem(mark);
    }

    /// <summary>Reads the variable items, dispatching presentation context items to <paramref name="readContext"/>.</summary>
    public static (string ApplicationContext, UserInformation UserInformation) ReadItems(
        ref PduSpanReader reader, ItemType contextItemType, ContextReader readContext)
    {
        string? applicationContext = null;
        UserInformation? userInformation = null;
        while (!reader.IsAtEnd)
        {
            var type = (ItemType)reader.ReadItemHeader(out _, out var length);
            var item = reader.Slice(length, $"item 0x{(byte)type:X2}");
            reader.Skip(length);
            if (type == ItemType.ApplicationContext)
            {
                applicationContext = applicationContext is null ? item.ReadUid(length) : throw item.Error("repeated application context");
            }
            else if (type == contextItemType)
            {
                readContext(ref item);
            }
            else if (type == ItemType.UserInformation)
            {
                userInformation = userInformation is null ? UserInformation.Read(ref item) : throw item.Error("repeated user information");
            }
        }

        return (applicationContext ?? throw reader.Error("no application context item"), userInformation ?? new UserInformation());
    }

    public delegate void ContextReader(ref PduSpanReader item);
}
