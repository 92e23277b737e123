using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Reports;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Common.Security;

/// <summary>
/// Declared by a request that reads or changes objects only their own agencies may know of (and callers who see every
/// agency). <see cref="Behaviours.AgencyScopeBehaviour{TRequest, TResponse}"/> checks the caller against
/// <see cref="Scope"/> before the request is validated or handled, so handlers hold no access code.
/// </summary>
public interface IAgencyScoped
{
    AgencyScope Scope { get; }
}

/// <summary>
/// Declared by a list across agencies: its handler shows only <see cref="AgencyContext.VisibleAgencies"/>, which the
/// pipeline sets for requests that declare this and no others.
/// </summary>
public interface IAgencyFiltered;

/// <summary>
/// Which agencies own what a request addresses. One factory per kind of agency-owned object, so this file is the list
/// of them; a new kind is one line.
/// </summary>
public sealed class AgencyScope
{
    private readonly Func<OwnerLookup, CancellationToken, Task<List<Guid>>> _owners;

    private AgencyScope(string resource, Guid id, Func<OwnerLookup, CancellationToken, Task<List<Guid>>> owners)
    {
        Resource = resource;
        Id = id;
        _owners = owners;
    }

    /// <summary>The resource a 404 names — the one a missing object is reported as, so the two answers are the same.</summary>
    public string Resource { get; }

    public Guid Id { get; }

    /// <summary>The request names the agency itself (<c>/agencies/{agencyId}/obligations</c>).</summary>
    public static AgencyScope Agency(Guid agencyId) => new("Agency", agencyId, (_, _) => Task.FromResult<List<Guid>>([agencyId]));

    /// <summary>A task of a plan: its lead and its cooperating agencies.</summary>
    public static AgencyScope PlanTask(Guid planId, Guid taskId) => Owned("Task", taskId, db =>
    {
        var task = db.PlanTasks.Where(t => t.Id == taskId && t.PlanId == planId);
        return task.Select(t => t.LeadAgencyId).Concat(task.SelectMany(t => t.Cooperators).Select(c => c.AgencyId));
    });

    /// <summary>A piece of evidence, addressed under its agency (<c>/agencies/{agencyId}/evidence/{id}</c>).</summary>
    public static AgencyScope Evidence(Guid agencyId, Guid evidenceId) => Owned("Evidence", evidenceId, db =>
        db.Evidence.Where(e => e.Id == evidenceId && e.AgencyId == agencyId).Select(e => e.AgencyId));

    /// <summary>
    /// A report, to read: its reporting agency and, for a contribution, the lead agency it feeds. Decided on the report the
    /// handler then reads (<see cref="ReportById"/> keeps it for the request), so the check costs no statement of its own.
    /// </summary>
    public static AgencyScope Report(Guid id) => new("Report", id, (lookup, cancellationToken) => lookup.Reports.OwnersAsync(id, authorOnly: false, cancellationToken));

    /// <summary>A report, to write, submit, withdraw, reopen or revise: its reporting agency only (decided as <see cref="Report"/> is).</summary>
    public static AgencyScope ReportAuthor(Guid id) => new("Report", id, (lookup, cancellationToken) => lookup.Reports.OwnersAsync(id, authorOnly: true, cancellationToken));

    /// <summary>A report request: its issuer and the agencies it asks.</summary>
    public static AgencyScope ReportRequest(Guid id) => Owned("ReportRequest", id, db =>
    {
        var request = db.ReportRequests.Where(r => r.Id == id);
        return request.Select(r => r.IssuerAgencyId).Concat(request.SelectMany(r => r.AskedAgencies).Select(a => a.AgencyId));
    });

    /// <summary>The agencies that own the object; none when it does not exist.</summary>
    internal Task<List<Guid>> OwnersAsync(OwnerLookup lookup, CancellationToken cancellationToken) => _owners(lookup, cancellationToken);

    internal NotFoundException NotFound() => new(Resource, Id.ToString());

    private static AgencyScope Owned(string resource, Guid id, Func<IApplicationDbContext, IQueryable<Guid>> owners) =>
        new(resource, id, (lookup, cancellationToken) => owners(lookup.Db).ToListAsync(cancellationToken));
}

/// <summary>Where a scope looks its owners up: the request's unit of work, and the report it reads once.</summary>
internal sealed record OwnerLookup(IApplicationDbContext Db, ReportById Reports);
