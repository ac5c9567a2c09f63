using System.Runtime.InteropServices;

namespace XrayTriage.Imaging.Codecs;

/// <summary>An opj_stream_t reading from a managed buffer through read/skip/seek callbacks. The delegates are held
/// here so the garbage collector keeps them alive while OpenJPEG may call them.</summary>
internal sealed class OpenJpegMemoryStream : IDisposable
{
    private readonly byte[] _data;
    private readonly OpenJpegNative.ReadFunction _read;
    private readonly OpenJpegNative.SkipFunction _skip;
    private readonly OpenJpegNative.SeekFunction _seek;
    private int _position;

    public OpenJpegMemoryStream(byte[] data)
    {
        _data = data;
        _read = Read;
        _skip = Skip;
        _seek = Seek;
        Handle = OpenJpegNative.StreamCreate(64 * 1024, 1);
        if (Handle == IntPtr.Zero)
        {
            throw new ImagingException("JPEG 2000: OpenJPEG could not create a stream.");
        }

        OpenJpegNative.StreamSetReadFunction(Handle, _read);
        OpenJpegNative.StreamSetSkipFunction(Handle, _skip);
        OpenJpegNative.StreamSetSeekFunction(Handle, _seek);
        OpenJpegNative.StreamSetUserDataLength(Handle, (ulong)data.Length);
    }

    public IntPtr Handle { get; private set; }

    public void Dispose()
    {
        if (Handle != IntPtr.Zero)
        {
            OpenJpegNative.StreamDestroy(Handle);
            Handle = IntPtr.Zero;
        }
    }

    private nuint Read(IntPtr buffer, nuint count, IntPtr userData)
    {
        var available = _data.Length - _position;
        if (available <= 0)
        {
            return nuint.MaxValue;
        }

        var take = (int)Math.Min((ulong)available, count);
        Marshal.Copy(_data, _position, buffer, take);
        _position += take;
        return (nuint)take;
    }

    private long Skip(long count, IntPtr userData)
    {
        var target = Math.Clamp(_position + count, 0, _data.Length);
        var skipped = target - _position;
        _position = (int)target;
        return skipped;
    }

    private int Seek(long position, IntPtr userData)
    {
        if (position < 0 || position > _data.Length)
        {
            return 0;
        }

        _position = (int)position;
        return 1;
    }
}
