using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Common;
using Dti.Domain.Deadlines;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Deadlines;

internal static class DeadlineRuleQueries
{
    public static async Task<DeadlineRuleDefinition> GetRuleAsync(this IApplicationDbContext db, Guid id, int? expectedVersion, bool tracked, CancellationToken cancellationToken)
    {
        var rules = tracked ? db.DeadlineRules : db.DeadlineRules.AsNoTracking();
        var rule = await rules.SingleOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("Deadline rule", id.ToString());
        PreconditionFailedException.ThrowIfStale("Deadline rule", id.ToString(), rule.Version, expectedVersion);

        return rule;
    }

    /// <summary>Rule names are unique: integrators and the reference data find rules by name.</summary>
    public static async Task EnsureNameFreeAsync(this IApplicationDbContext db, string name, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (await db.DeadlineRules.AnyAsync(r => r.Name == name && r.Id != exceptId, cancellationToken))
        {
            throw DomainException.Conflict("deadline-rule.name-taken", $"A deadline rule named '{name}' already exists.", "name");
        }
    }
}
