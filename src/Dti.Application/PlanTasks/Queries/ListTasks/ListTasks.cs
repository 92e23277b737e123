using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Queries;
using Dti.Application.Common.Security;
using Dti.Application.Common.Validation;
using Dti.Application.Plans;
using Dti.Domain.Common;
using Dti.Domain.Plans;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.PlanTasks.Queries.ListTasks;

/// <summary>
/// Tasks across plans (or of one plan), soonest due first: filter by agency (as lead or cooperating), due window,
/// status, and whether they are overdue today (Asia/Ho_Chi_Minh). Clients that do not see every agency get only tasks
/// their agencies lead or cooperate on.
/// </summary>
public sealed record ListTasksQuery(
    PageRequest Paging, Guid? PlanId, Guid? AgencyId, DateOnly? DueFrom, DateOnly? DueTo, PlanTaskStatus? Status, bool? Overdue, string? Sort)
    : IRequest<PagedList<TaskDto>>, IAgencyFiltered;

public sealed class ListTasksValidator : AbstractValidator<ListTasksQuery>
{
    public static readonly string[] SortKeys = ["dueDate", "-dueDate", "title"];

    public ListTasksValidator()
    {
        RuleFor(q => q.Paging).SetValidator(new PageRequestValidator()).OverridePropertyName(string.Empty);
        RuleFor(q => q.Status).IsDefinedEnum().When(q => q.Status is not null);
        RuleFor(q => q.DueTo).GreaterThanOrEqualTo(q => q.DueFrom).When(q => q.DueFrom is not null && q.DueTo is not null)
            .WithMessage("'dueTo' must not be before 'dueFrom'.");
        RuleFor(q => q.Sort).OneOf(SortKeys);
    }
}

public sealed class ListTasksHandler(IApplicationDbContext db, AgencyContext agencies, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<ListTasksQuery, PagedList<TaskDto>>
{
    public async Task<PagedList<TaskDto>> Handle(ListTasksQuery request, CancellationToken cancellationToken)
    {
        var today = VietnamClock.Today(clock);
        var query = db.PlanTasks.AsNoTracking().Include(t => t.Cooperators).HeldBy(agencies.VisibleAgencies);
        if (request.PlanId is { } plan)
        {
            _ = await db.GetPlanAsync(plan, cancellationToken);
            query = query.Where(t => t.PlanId == plan);
        }

        if (request.AgencyId is { } agency)
        {
            query = query.HeldBy([agency]);
        }

        query = query.WhereIf(request.DueFrom, from => t => t.DueDate >= from)
            .WhereIf(request.DueTo, to => t => t.DueDate <= to)
            .WhereIf(request.Status, status => t => t.Status == status);

        if (request.Overdue is { } overdue)
        {
            query = overdue
                ? query.Where(t => t.DueDate < today && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Cancelled)
                : query.Where(t => !(t.DueDate < today) || t.DueDate == null || t.Status == PlanTaskStatus.Done || t.Status == PlanTaskStatus.Cancelled);
        }

        query = request.Sort switch
        {
            "-dueDate" => query.OrderByDescending(t => t.DueDate).ThenBy(t => t.Title).ThenBy(t => t.Id),
            "title" => query.OrderBy(t => t.Title).ThenBy(t => t.Id),
            _ => query.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Title).ThenBy(t => t.Id),
        };

        var page = await PagedList<PlanTask>.CreateAsync(query, request.Paging, cancellationToken);
        return page.WithItems(page.Items.BuildAdapter(config).AddParameters(TaskMappings.Today, today).AdaptToType<List<TaskDto>>());
    }
}
