using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Agencies;
using Dti.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Agencies;

internal static class AgencyQueries
{
    /// <summary>Loads an agency for change, or throws 404; a stale If-Match throws 412.</summary>
    public static async Task<Agency> GetForUpdateAsync(this IApplicationDbContext db, Guid id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new NotFoundException("Agency", id.ToString());
        PreconditionFailedException.ThrowIfStale("Agency", id.ToString(), agency.Version, expectedVersion);
        return agency;
    }

    /// <summary>The agency the request addresses, or 404.</summary>
    public static async Task EnsureExistsAsync(this IApplicationDbContext db, Guid id, CancellationToken cancellationToken)
    {
        if (!await db.Agencies.AnyAsync(a => a.Id == id, cancellationToken))
        {
            throw new NotFoundException("Agency", id.ToString());
        }
    }

    /// <summary>An agency the request refers to (not the one it addresses): a missing one is a broken rule (422), not a 404.</summary>
    public static async Task<Agency> RequireAsync(this IApplicationDbContext db, Guid id, string field, CancellationToken cancellationToken) =>
        await db.Agencies.SingleOrDefaultAsync(a => a.Id == id, cancellationToken)
            ?? throw new DomainException("agency.unknown", $"Agency '{id}' does not exist.", field);

    /// <summary>Every agency named must exist and be active on <paramref name="on"/>.</summary>
    public static async Task RequireActiveAsync(this IApplicationDbContext db, IReadOnlyList<(Guid Id, string Field)> agencies, DateOnly on, CancellationToken cancellationToken)
    {
        var ids = agencies.Select(a => a.Id).Distinct().ToList();
        var found = await db.Agencies.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, cancellationToken);
        foreach (var (id, field) in agencies)
        {
            if (!found.TryGetValue(id, out var agency))
            {
                throw new DomainException("agency.unknown", $"Agency '{id}' does not exist.", field);
            }

            agency.EnsureActiveOn(on, field);
        }
    }

    /// <summary>The lead and each cooperator, with the JSON field that names each.</summary>
    public static List<(Guid Id, string Field)> HolderFields(Guid lead, IReadOnlyList<Guid>? cooperators, string leadField = "leadAgencyId") =>
        [(lead, leadField), .. (cooperators ?? []).Select((c, i) => (c, $"cooperatingAgencyIds[{i}]"))];

    public static async Task EnsureCodeFreeAsync(this IApplicationDbContext db, string code, Guid? exceptId, CancellationToken cancellationToken)
    {
        if (await db.Agencies.AnyAsync(a => a.Code == code && a.Id != exceptId, cancellationToken))
        {
            throw DomainException.Conflict("agency.code-taken", $"An agency with code '{code}' already exists.", "code");
        }
    }

    public static async Task EnsureParentExistsAsync(this IApplicationDbContext db, Guid? parentId, CancellationToken cancellationToken)
    {
        if (parentId is { } id && !await db.Agencies.AnyAsync(a => a.Id == id, cancellationToken))
        {
            throw new DomainException("agency.unknown-parent", $"Parent agency '{id}' does not exist.", "parentId");
        }
    }
}
