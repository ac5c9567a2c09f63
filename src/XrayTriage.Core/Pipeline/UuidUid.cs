using System.Buffers.Binary;
using System.Globalization;

namespace XrayTriage.Core.Pipeline;

/// <summary>UIDs derived from UUIDs, so the database can mint them (<c>gen_random_uuid()</c>) without a UID root.</summary>
public static class UuidUid
{
    private const string Root = "2.25.";

    /// <summary>
    /// "2.25." followed by the UUID read as one unsigned 128-bit integer in decimal, without leading zeros
    /// (PS3.5 §B.2). The UUID's bytes are taken in the order RFC 4122 writes them (big-endian), not in the mixed
    /// order of <see cref="Guid.ToByteArray()"/>. At most 44 characters, within the 64 a UID may have.
    /// </summary>
    public static string ToDicomUid(Guid uuid)
    {
        Span<byte> bytes = stackalloc byte[16];
        if (!uuid.TryWriteBytes(bytes, bigEndian: true, out _))
        {
            throw new InvalidOperationException("A UUID is 16 bytes.");
        }

        return Root + BinaryPrimitives.ReadUInt128BigEndian(bytes).ToString(CultureInfo.InvariantCulture);
    }
}
