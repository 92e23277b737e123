namespace Dti.Domain.Agencies;

/// <summary>Everything that defines an agency, as created or replaced through the API.</summary>
public sealed record AgencySpec(
    string Code,
    string FullName,
    string ShortName,
    AgencyKind Kind,
    Guid? ParentId,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    bool IsSample);
