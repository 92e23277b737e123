namespace Dti.Domain.Plans;

/// <summary>Everything that defines a task, as created or replaced through the API. A task is due on a date, in a month, or open-ended.</summary>
public sealed record PlanTaskSpec(
    string Title,
    string? Description,
    Guid LeadAgencyId,
    IReadOnlyList<Guid> CooperatingAgencyIds,
    DateOnly? DueDate,
    string? DueMonth,
    IReadOnlyList<string> IndexCodes);
