namespace Dti.Domain.SelfAssessments;

/// <summary>The limits of a self-assessment, named once for the domain guard, the validators and the schema.</summary>
public static class SelfAssessmentLimits
{
    /// <summary>Why the coordinator overrides a value or score.</summary>
    public const int ReasonMaxLength = 2000;

    /// <summary>Who acted, as recorded (client id and name).</summary>
    public const int ActorMaxLength = 200;
}
