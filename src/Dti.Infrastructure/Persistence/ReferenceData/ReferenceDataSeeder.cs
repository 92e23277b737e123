using Dti.Domain.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace Dti.Infrastructure.Persistence.ReferenceData;

/// <summary>Loads the reference frameworks once; running it again changes nothing.</summary>
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

        await db.SaveChangesAsync(cancellationToken);
    }
}
