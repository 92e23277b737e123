using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Application.PlanTasks.Commands.RecordTaskProgress;
using Dti.Domain.Plans;

namespace Dti.Application.PlanTasks;

/// <summary>A task with its current progress. <see cref="Overdue"/> is computed for today (Asia/Ho_Chi_Minh), never stored.</summary>
[LimitsOf(typeof(TaskInput))]
public sealed record TaskDto(
    Guid Id,
    Guid PlanId,
    string Title,
    string? Description,
    Guid LeadAgencyId,
    IReadOnlyList<Guid> CooperatingAgencyIds,
    DateOnly? DueDate,
    string? DueMonth,
    IReadOnlyList<string> IndexCodes,
    PlanTaskStatus Status,
    [property: Range(0, PlanLimits.MaxPercent)] int ProgressPercent,
    [property: MaxLength(PlanLimits.NoteMaxLength), RegularExpression(TextRules.MultiLinePattern)] string? ProgressNote,
    DateOnly? ProgressAsOf,
    bool Overdue,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static TaskDto From(PlanTask t, DateOnly today) => new(
        t.Id,
        t.PlanId,
        t.Title,
        t.Description,
        t.LeadAgencyId,
        [.. t.CooperatorIds().Order()],
        t.DueDate,
        t.DueMonth,
        t.IndexCodes,
        t.Status,
        t.ProgressPercent,
        t.ProgressNote,
        t.ProgressAsOf,
        t.IsOverdueOn(today),
        t.CreatedAt,
        t.UpdatedAt);
}

/// <summary>One progress report of a task.</summary>
[LimitsOf(typeof(ProgressInput))]
public sealed record TaskProgressDto(PlanTaskStatus Status, int Percent, string? Note, DateOnly AsOf, DateTimeOffset RecordedAt);
