using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Domain.Auditing;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Dti.Application.Common.Validation;

namespace Dti.Application.Audit.Queries.ListAuditEntries;

/// <summary>The audit trail, newest first, filtered by entity, client, agency and time.</summary>
public sealed record ListAuditEntriesQuery(
    PageRequest Paging, string? EntityType, string? EntityId, string? ClientId, Guid? AgencyId, DateTimeOffset? From, DateTimeOffset? To)
    : IRequest<PagedList<AuditEntryDto>>;

public sealed class ListAuditEntriesValidator : AbstractValidator<ListAuditEntriesQuery>
{
    public ListAuditEntriesValidator()
    {
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.EntityType).SingleLine(AuditLimits.EntityTypeMaxLength);
        RuleFor(q => q.EntityId).SingleLine(AuditLimits.EntityIdMaxLength);
        RuleFor(q => q.ClientId).SingleLine(AuditLimits.ClientIdMaxLength);
        RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
            .WithMessage("'to' must not be before 'from'.");
    }
}

public sealed class ListAuditEntriesHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<ListAuditEntriesQuery, PagedList<AuditEntryDto>>
{
    public Task<PagedList<AuditEntryDto>> Handle(ListAuditEntriesQuery request, CancellationToken cancellationToken)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(request.EntityType))
        {
            query = query.Where(e => e.EntityType == request.EntityType);
        }

        if (!string.IsNullOrWhiteSpace(request.EntityId))
        {
            query = query.Where(e => e.EntityId == request.EntityId);
        }

        if (!string.IsNullOrWhiteSpace(request.ClientId))
        {
            query = query.Where(e => e.ClientId == request.ClientId);
        }

        query = query.WhereIf(request.AgencyId, agencyId => e => e.AgencyId == agencyId)
            .WhereIf(request.From, from => e => e.OccurredAt >= from)
            .WhereIf(request.To, to => e => e.OccurredAt <= to);

        var rows = query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).ProjectToType<AuditEntryDto>(config);
        return PagedList<AuditEntryDto>.CreateAsync(rows, request.Paging, cancellationToken);
    }
}
