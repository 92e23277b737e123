using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Calendar;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dti.Api.Tests.Outbox;

/// <summary>
/// On PostgreSQL a pass skips the rows another instance is taking at that moment rather than waiting for them:
/// the test holds row locks on some messages from a separate connection, as a concurrent pass would.
/// </summary>
public sealed class OutboxRowLockTests
{
    [Test]
    public async Task APassSkipsTheMessagesAnotherTransactionHoldsAndTakesTheRest()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var factory = new DtiApiFactory(database, new Dictionary<string, string?>
        {
            ["Outbox:DispatchInBackground"] = "false",
            ["Outbox:BatchSize"] = "5",
        });
        var recorded = new RecordedScheduleEvents();
        await using var app = factory.WithRecordedScheduleEvents(recorded);
        var dispatcher = app.Dispatcher();
        await dispatcher.DispatchAllAsync();

        recorded.Clear();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
            db.OfficialSchedules.AddRange(Enumerable.Range(2030, 8).Select(year =>
                OfficialSchedule.Create(year, [new(new DateOnly(year, 1, 1), ScheduleDayKind.DayOff, "Tết Dương lịch")], DateTimeOffset.UtcNow)));
            await db.SaveChangesAsync();
        }

        await using var other = new NpgsqlConnection(database.ConnectionString);
        await other.OpenAsync();
        await using var otherTransaction = await other.BeginTransactionAsync();
        var held = new List<Guid>();
        await using (var lockRows = new NpgsqlCommand(
            """SELECT "Id" FROM "OutboxMessages" WHERE "ProcessedAt" IS NULL ORDER BY "OccurredAt", "Id" LIMIT 3 FOR UPDATE""", other, otherTransaction))
        await using (var reader = await lockRows.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                held.Add(reader.GetGuid(0));
            }
        }

        // A pass that waited for the held rows would never finish while they are held; the limit turns that into a failure.
        using (var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            Assert.That(await dispatcher.DispatchOnceAsync(limit.Token), Is.EqualTo(5));
        }

        Assert.That(recorded.Handled.Select(d => d.MessageId).ToList(), Has.Count.EqualTo(5).And.No.AnyOf(held.Cast<object>().ToArray()));
        await otherTransaction.RollbackAsync();

        Assert.That(await dispatcher.DispatchOnceAsync(CancellationToken.None), Is.EqualTo(3));
        Assert.That(recorded.Handled.Select(d => d.Year).Order(), Is.EqualTo(Enumerable.Range(2030, 8)));
        Assert.That(recorded.Handled.Select(d => d.MessageId).Intersect(held), Is.EquivalentTo(held));
    }
}
