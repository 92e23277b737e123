using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Dti.Domain.Common;

/// <summary>
/// New identifiers: UUID version 7 (RFC 9562 §5.7), as <see cref="Guid.CreateVersion7()"/> makes them — 48 bits of Unix
/// time in milliseconds, then 74 random bits — so that keys still sort by creation and index pages fill at the end.
/// <para>
/// The random bits come from the same cryptographically secure generator, drawn 4 KiB at a time per thread: on Linux,
/// <see cref="Guid.CreateVersion7()"/> reads <c>/dev/urandom</c> once per identifier, a system call that cost about 1.5 µs
/// each on the benchmark's machine, and a write makes several identifiers (its rows, its audit rows, its event), which
/// came to 1–2 % of the API's CPU per write (docs/benchmarks.md, seventeenth step). A block serves 256 identifiers.
/// </para>
/// </summary>
public static class Identifiers
{
    private const int BlockSize = 4096;

    [ThreadStatic]
    private static byte[]? _block;

    [ThreadStatic]
    private static int _next;

    /// <summary>A new version 7 identifier stamped with the current time.</summary>
    public static Guid NewVersion7() => NewVersion7(DateTimeOffset.UtcNow);

    /// <summary>A new version 7 identifier stamped with <paramref name="at"/> (from the Unix epoch on).</summary>
    public static Guid NewVersion7(DateTimeOffset at)
    {
        var milliseconds = at.ToUnixTimeMilliseconds();
        ArgumentOutOfRangeException.ThrowIfNegative(milliseconds, nameof(at));
        Span<byte> bytes = stackalloc byte[16];
        Random().CopyTo(bytes);

        // Big-endian, as RFC 9562 lays it out: unix_ts_ms (48 bits), ver (4), rand_a (12), var (2), rand_b (62).
        BinaryPrimitives.WriteInt64BigEndian(bytes, (milliseconds << 16) | ((long)((bytes[6] & 0x0F) | 0x70) << 8) | bytes[7]);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>Sixteen fresh random bytes from this thread's block, refilled when it runs out.</summary>
    private static ReadOnlySpan<byte> Random()
    {
        if (_block is null || _next == BlockSize)
        {
            _block ??= new byte[BlockSize];
            RandomNumberGenerator.Fill(_block);
            _next = 0;
        }

        var bytes = _block.AsSpan(_next, 16);
        _next += 16;
        return bytes;
    }
}
