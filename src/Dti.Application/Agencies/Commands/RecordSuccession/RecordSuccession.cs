using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Validation;
using Dti.Domain.Agencies;
using Dti.Domain.Plans;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Agencies.Commands.RecordSuccession;

/// <summary>
/// Records that an agency was merged or renamed into a successor from <see cref="SuccessionInput.EffectiveDate"/>
/// (Sở TT&amp;TT → Sở KH&amp;CN in 2025; districts abolished 1/7/2025): closes it, and moves its open assignments and
/// open tasks to the successor, keeping who held them before.
/// </summary>
public sealed record RecordSuccessionCommand(Guid AgencyId, SuccessionInput Body, int? ExpectedVersion) : IRequest<Versioned<SuccessionDto>>;

public sealed record SuccessionInput(Guid SuccessorId, DateOnly? EffectiveDate, SuccessionReason? Reason, string? Note);

/// <summary>The closed agency and how much of its work moved to the successor.</summary>
public sealed record SuccessionDto(AgencyDto Agency, [property: Range(0, int.MaxValue)] int AssignmentsMoved, [property: Range(0, int.MaxValue)] int TasksMoved);

public sealed class RecordSuccessionValidator : AbstractValidator<RecordSuccessionCommand>
{
    public RecordSuccessionValidator() => RuleFor(c => c.Body).NotNull().SetValidator(new SuccessionInputValidator());
}

public sealed class SuccessionInputValidator : AbstractValidator<SuccessionInput>
{
    public SuccessionInputValidator()
    {
        RuleFor(s => s.SuccessorId).NotEmpty();
        RuleFor(s => s.EffectiveDate).NotNull();
        RuleFor(s => s.Reason).NotNull().IsDefinedEnum();
        RuleFor(s => s.Note).MultiLine(AgencyLimits.NoteMaxLength);
    }
}

public sealed class RecordSuccessionHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config) : IRequestHandler<RecordSuccessionCommand, Versioned<SuccessionDto>>
{
    public async Task<Versioned<SuccessionDto>> Handle(RecordSuccessionCommand request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var body = request.Body;
        var agency = await db.GetForUpdateAsync(request.AgencyId, request.ExpectedVersion, cancellationToken);
        var successor = await db.RequireAsync(body.SuccessorId, "successorId", cancellationToken);
        agency.HandOverTo(successor, body.EffectiveDate!.Value, body.Reason!.Value, body.Note, now);

        var id = agency.Id;
        var reason = $"{body.Reason}: {agency.ShortName} → {successor.ShortName} from {body.EffectiveDate:yyyy-MM-dd}" + (agency.SuccessionNote is null ? string.Empty : $" ({agency.SuccessionNote})");
        var openPlans = db.Plans.Where(p => p.Status == PlanStatus.Draft || p.Status == PlanStatus.Issued).Select(p => p.Id);
        var assignments = await db.IndexAssignments.Include(a => a.Cooperators)
            .Where(a => openPlans.Contains(a.PlanId) && (a.LeadAgencyId == id || a.Cooperators.Any(c => c.AgencyId == id)))
            .ToListAsync(cancellationToken);
        foreach (var assignment in assignments)
        {
            assignment.HandOver(id, successor.Id, reason, now);
        }

        var tasks = await db.PlanTasks.Include(t => t.Cooperators)
            .Where(t => openPlans.Contains(t.PlanId) && t.Status != PlanTaskStatus.Done && t.Status != PlanTaskStatus.Cancelled)
            .Where(t => t.LeadAgencyId == id || t.Cooperators.Any(c => c.AgencyId == id))
            .ToListAsync(cancellationToken);
        foreach (var task in tasks)
        {
            task.HandOver(id, successor.Id, reason, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new Versioned<SuccessionDto>(new SuccessionDto(agency.Adapt<AgencyDto>(config), assignments.Count, tasks.Count), agency.Version);
    }
}
