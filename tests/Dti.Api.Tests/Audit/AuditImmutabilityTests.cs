using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Audit;

/// <summary>Even code inside the application cannot change or delete an audit entry: the save is refused.</summary>
public sealed class AuditImmutabilityTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public void AnAuditEntryCannotBeChanged() =>
        Assert.ThrowsAsync<InvalidOperationException>(() => InDatabase(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            db.Entry(entry).Property(e => e.ClientName).CurrentValue = "someone else";
            return await db.SaveChangesAsync();
        }));

    [Test]
    public void AnAuditEntryCannotBeDeleted() =>
        Assert.ThrowsAsync<InvalidOperationException>(() => InDatabase(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            return await db.SaveChangesAsync();
        }));

    [Test]
    public async Task WritesByTheApplicationItselfAreRecordedAsTheSystem()
    {
        var seeded = await InDatabase(db => db.AuditEntries.Where(e => e.EntityType == "Framework").ToListAsync());

        Assert.That(seeded, Has.Count.EqualTo(2), "the reference frameworks loaded before each test");
        Assert.That(seeded.Select(e => e.ClientName), Is.All.EqualTo("Dti.Api (system)"));
        Assert.That(seeded.Select(e => e.ClientId), Is.All.Null);
    }
}
