using Dti.Domain.Calendar;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace Dti.Infrastructure.Persistence.ReferenceData;

/// <summary>Loads the reference data once; running it again changes nothing.</summary>
/// <remarks>
/// Official schedules and deadline rules are recorded in <see cref="ReferenceDataSeed"/> when first loaded, so
/// one that a coordinator later deletes or replaces stays as the coordinator left it.
/// </remarks>
public sealed class ReferenceDataSeeder(DtiDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Frameworks.Select(f => f.Code).ToListAsync(cancellationToken);
        if (!existing.Contains(ReferenceFrameworks.Qd922Code))
        {
            var qd922 = Framework.Create(ReferenceFrameworks.Qd922, now);
            qd922.Publish(now);
            db.Frameworks.Add(qd922);
        }

        if (!existing.Contains(ReferenceFrameworks.Qd405Code))
        {
            db.Frameworks.Add(Framework.Create(ReferenceFrameworks.Qd405, now));
        }

        var seeded = (await db.ReferenceDataSeeds.Select(s => s.Key).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        await SeedOfficialSchedulesAsync(seeded, now, cancellationToken);
        await SeedDeadlineRulesAsync(seeded, now, cancellationToken);

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedOfficialSchedulesAsync(HashSet<string> seeded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var years = await db.OfficialSchedules.Select(s => s.Year).ToListAsync(cancellationToken);
        foreach (var year in OfficialSchedules.All.GroupBy(e => e.Date.Year))
        {
            var key = $"official-schedule:{year.Key}";
            if (seeded.Contains(key))
            {
                continue;
            }

            if (!years.Contains(year.Key))
            {
                db.OfficialSchedules.Add(OfficialSchedule.Create(year.Key, [.. year], now));
            }

            db.ReferenceDataSeeds.Add(new ReferenceDataSeed(key, now));
        }
    }

    private async Task SeedDeadlineRulesAsync(HashSet<string> seeded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var names = await db.DeadlineRules.Select(r => r.Name).ToListAsync(cancellationToken);
        foreach (var rule in ReferenceDeadlineRules.All)
        {
            var key = $"deadline-rule:{rule.Name}";
            if (seeded.Contains(key))
            {
                continue;
            }

            if (!names.Contains(rule.Name))
            {
                db.DeadlineRules.Add(DeadlineRuleDefinition.Create(rule, now));
            }

            db.ReferenceDataSeeds.Add(new ReferenceDataSeed(key, now));
        }
    }
}
