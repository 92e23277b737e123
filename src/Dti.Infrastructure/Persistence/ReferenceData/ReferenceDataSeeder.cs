using Dti.Application.Results;
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
    /// <summary>Names the version of OfficialResults.csv; a new version of the file gets a new key and is imported over the old.</summary>
    private const string OfficialResultsKey = "official-results:2026-12-01";

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
        await SeedOfficialResultsAsync(seeded, now, cancellationToken);

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

    /// <summary>
    /// The province units and the verified official figures (OfficialResults.csv, made from ../shared/data by
    /// scripts/official-results-from-shared-data.py), each loaded once under its key; the units are saved first because
    /// the figures name them.
    /// </summary>
    private async Task SeedOfficialResultsAsync(HashSet<string> seeded, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!seeded.Contains(ReferenceProvinceUnits.SeedKey))
        {
            var existing = await db.ProvinceUnits.Select(u => u.Code).ToListAsync(cancellationToken);
            db.ProvinceUnits.AddRange(ReferenceProvinceUnits.Create().Where(u => !existing.Contains(u.Code)));
            db.ReferenceDataSeeds.Add(new ReferenceDataSeed(ReferenceProvinceUnits.SeedKey, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        if (!seeded.Contains(OfficialResultsKey))
        {
            await using var stream = typeof(ReferenceDataSeeder).Assembly.GetManifestResourceStream("OfficialResults.csv")
                ?? throw new InvalidOperationException("OfficialResults.csv is not embedded in Dti.Infrastructure.");
            using var reader = new StreamReader(stream);
            await OfficialResultsImport.ApplyAsync(db, OfficialResultsCsv.Parse(await reader.ReadToEndAsync(cancellationToken)), cancellationToken);
            db.ReferenceDataSeeds.Add(new ReferenceDataSeed(OfficialResultsKey, now));
        }
    }
}
