using System.Buffers.Binary;
using System.Collections.Concurrent;
using Dti.Domain.Common;

namespace Dti.Domain.Tests.Common;

public sealed class IdentifiersTests
{
    /// <summary>
    /// RFC 9562 §5.7: the first 48 bits (big-endian, as PostgreSQL compares uuids) are the Unix time in milliseconds, then
    /// version 7 and variant 10 — what keys made by <see cref="Guid.CreateVersion7()"/> had, so rows keep sorting by creation.
    /// </summary>
    [Test]
    public void AnIdentifierIsVersion7WithItsMillisecondFirst()
    {
        var at = new DateTimeOffset(2026, 12, 20, 16, 59, 59, 999, TimeSpan.FromHours(7));

        var id = Identifiers.NewVersion7(at);

        var bytes = id.ToByteArray(bigEndian: true);
        Assert.Multiple(() =>
        {
            Assert.That(id.Version, Is.EqualTo(7));
            Assert.That(bytes[8] >> 6, Is.EqualTo(0b10), "variant");
            Assert.That(BinaryPrimitives.ReadInt64BigEndian(bytes) >> 16, Is.EqualTo(at.ToUnixTimeMilliseconds()));
            Assert.That(id.ToString()[..13], Is.EqualTo(Guid.CreateVersion7(at).ToString()[..13]), "the same time prefix .NET writes");
        });
    }

    [Test]
    public void LaterIdentifiersSortAfterEarlierOnesAsTheDatabaseComparesThem()
    {
        var first = Identifiers.NewVersion7(new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero));
        var second = Identifiers.NewVersion7(new DateTimeOffset(2026, 1, 15, 0, 0, 0, 1, TimeSpan.Zero));

        Assert.That(Compare(first, second), Is.Negative);
    }

    /// <summary>
    /// Identifiers made at the same instant on many threads, well past a thread's block of random bytes, are all different
    /// and spread their random bits: no block is handed out twice, and none is left unfilled (zeros).
    /// </summary>
    [Test]
    public void IdentifiersMadeAtOneInstantOnManyThreadsAreAllDifferent()
    {
        var at = DateTimeOffset.UtcNow;
        var made = new ConcurrentBag<Guid>();

        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 1_000; i++)
            {
                made.Add(Identifiers.NewVersion7(at));
            }
        });

        var random = made.Select(id => id.ToString("N")[16..]).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(made.Distinct().Count(), Is.EqualTo(8_000));
            Assert.That(random.Count(r => r.Trim('0').Length <= 2), Is.Zero, "no identifier's random part is (almost) zeros");
        });
    }

    [Test]
    public void AnInstantBeforeTheUnixEpochIsRefused() =>
        Assert.That(() => Identifiers.NewVersion7(new DateTimeOffset(1969, 12, 31, 23, 59, 59, TimeSpan.Zero)), Throws.InstanceOf<ArgumentOutOfRangeException>());

    private static int Compare(Guid a, Guid b) => a.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(b.ToByteArray(bigEndian: true));
}
