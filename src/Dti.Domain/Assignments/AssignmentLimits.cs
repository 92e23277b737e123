using Dti.Domain.Agencies;

namespace Dti.Domain.Assignments;

/// <summary>Limits of index assignments, used by the domain guards, the validators and the EF configuration.</summary>
public static class AssignmentLimits
{
    public const int PersonNameMaxLength = 200;
    public const int PersonTitleMaxLength = 200;
    public const int ReasonMaxLength = HolderChange.ReasonMaxLength;
}
