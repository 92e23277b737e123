using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Calendar;
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

/// <summary>
/// A save detects changes once, then leaves automatic detection off until it ends (the audit, the outbox and EF Core
/// would each scan every tracked entity again). However a save ends — stored, or refused before writing — the context
/// detects changes again, so a later change made through the domain on the same context is neither missed nor unaudited.
/// </summary>
public sealed class SaveChangeDetectionTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task AContextDetectsChangesAgainAfterARefusedSaveAndAfterASave()
    {
        var states = await InDatabase(async db =>
        {
            var audit = await db.AuditEntries.FirstAsync();
            db.Entry(audit).Property(e => e.ClientName).CurrentValue = "someone else";
            Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(), "an audit entry cannot be changed");
            var afterRefusal = db.ChangeTracker.AutoDetectChangesEnabled;
            db.Entry(audit).State = EntityState.Detached;

            var schedule = await db.OfficialSchedules.Include(s => s.Days).SingleAsync(s => s.Year == 2026);
            schedule.Replace([.. schedule.Entries(), new(new DateOnly(2026, 4, 29), ScheduleDayKind.DayOff, "Nghỉ bù thử")], DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
            var afterSave = db.ChangeTracker.AutoDetectChangesEnabled;

            schedule.Replace([.. schedule.Entries(), new(new DateOnly(2026, 4, 28), ScheduleDayKind.DayOff, "Nghỉ thêm thử")], DateTimeOffset.UtcNow);
            var seen = db.ChangeTracker.HasChanges();
            await db.SaveChangesAsync();
            return (afterRefusal, afterSave, seen);
        });

        Assert.That(states, Is.EqualTo((true, true, true)), "detecting after a refused save, after a save, and the next change seen without asking");
        var days = await InDatabase(db => db.OfficialSchedules.AsNoTracking().Where(s => s.Year == 2026).SelectMany(s => s.Days).Select(d => d.Date).ToListAsync());
        Assert.That(days, Does.Contain(new DateOnly(2026, 4, 29)).And.Contain(new DateOnly(2026, 4, 28)));
        var audited = await InDatabase(db => db.AuditEntries.CountAsync(e => e.EntityType == "OfficialSchedule" && e.Action == Dti.Domain.Auditing.AuditAction.Updated));
        Assert.That(audited, Is.EqualTo(2), "both changes audited");
    }
}
