using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Application.Audit;
using Dti.Application.Audit.Queries.ListAuditEntries;
using Dti.Application.Common.Models;
using MediatR;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dti.Api.Endpoints;

/// <summary>The audit trail: read-only, for coordinators. Entries cannot be changed or deleted through the API.</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/audit", ListAuditEntries).WithName(nameof(ListAuditEntries))
            .WithTags("Audit")
            .RequireAuthorization(Policies.CoordinatorOnly)
            .WithSummary("Search the audit trail")
            .WithDescription("Every write, newest first: client, acting agency, action, entity type and id, time, request id and the changed fields with old and new values. Filter by `entityType` (e.g. `Framework`), `entityId`, `clientId`, `agencyId` and the instants `from`/`to` (inclusive).");

    [ParametersOf<ListAuditEntriesQuery>]
    public static async Task<Ok<PagedList<AuditEntryDto>>> ListAuditEntries(
        IMediator mediator,
        CancellationToken cancellationToken,
        string? entityType = null,
        string? entityId = null,
        string? clientId = null,
        Guid? agencyId = null,
        DateTimeOffset? from = null,
        DateTimeOffset? to = null,
        int page = 1,
        int pageSize = PageRequest.DefaultPageSize) =>
        TypedResults.Ok(await mediator.Send(new ListAuditEntriesQuery(new PageRequest(page, pageSize), entityType, entityId, clientId, agencyId, from, to), cancellationToken));
}
