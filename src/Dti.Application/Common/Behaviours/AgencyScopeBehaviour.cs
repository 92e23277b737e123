using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Domain.Clients;
using MediatR;

namespace Dti.Application.Common.Behaviours;

/// <summary>
/// The one place per-agency access is decided (OWASP API1, BOLA). Coordinators, province-wide readers and the ministry see every
/// agency's objects; other clients only their own agencies'. A request outside the caller's agencies gets exactly the
/// 404 a missing object gets, so other agencies' ids cannot be probed. Runs before validation: the scope needs only
/// the ids of the route, and a refused caller learns nothing from validation messages either.
/// </summary>
public sealed class AgencyScopeBehaviour<TRequest, TResponse>(ICurrentClient client, AgencyContext context, IApplicationDbContext db, Reports.ReportById reports)
    : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        if (request is IAgencyScoped scoped)
        {
            return EnterThenHandleAsync(scoped.Scope, request is IAgencyFiltered, next, cancellationToken);
        }

        // Not scoped to an agency (reference data, agencies themselves): nothing to look up, so no async step of its own.
        if (request is IAgencyFiltered)
        {
            Filter();
        }

        return next();
    }

    private async Task<TResponse> EnterThenHandleAsync(AgencyScope scope, bool filtered, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        await EnterAsync(scope, cancellationToken);
        if (filtered)
        {
            Filter();
        }

        return await next();
    }

    private void Filter() => context.ShowOnly(SeesAllAgencies ? null : client.AgencyIds);

    /// <summary>
    /// Province-wide callers: the coordinator, readers and the ministry (which reads every agency's results; its policies
    /// keep it to results, and reports show it accepted ones only).
    /// </summary>
    private bool SeesAllAgencies => client.IsCoordinator || client.Roles.Contains(ClientRole.Reader) || client.Roles.Contains(ClientRole.Ministry);

    private async Task EnterAsync(AgencyScope scope, CancellationToken cancellationToken)
    {
        var own = client.AgencyIds;
        if (own.Count == 0)
        {
            // Nothing to look up: no agency of the caller's can own the object.
            if (!SeesAllAgencies)
            {
                throw scope.NotFound();
            }

            return;
        }

        var mine = (await scope.OwnersAsync(new OwnerLookup(db, reports), cancellationToken)).Where(own.Contains).Distinct().ToList();
        if (mine.Count == 0 && !SeesAllAgencies)
        {
            throw scope.NotFound();
        }

        context.ActFor(mine.Count == 1 ? mine[0] : null);
    }
}
