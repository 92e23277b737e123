namespace Dti.Domain.SelfAssessments;

/// <summary>The limits of a self-assessment, named once for the domain guard, the validators and the schema.</summary>
public static class SelfAssessmentLimits
{
    /// <summary>Why the coordinator overrides a value or score.</summary>
    public const int ReasonMaxLength = 2000;

    /// <summary>Who acted, as recorded (client id and name).</summary>
    public const int ActorMaxLength = 200;

    /// <summary>Revisions of a year's self-assessment: far beyond any real number of reopenings.</summary>
    public const int MaxRevision = 1_000_000;

    /// <summary>Names recorded as text: a pull's format (json, csv, signature, dhis2), a signature's format (cms-detached-der), an evidence kind (File, Link).</summary>
    public const int FormatMaxLength = 20;

    /// <summary>A pull's recorded roles, comma-separated: bounded like the actor.</summary>
    public const int RolesMaxLength = ActorMaxLength;

    /// <summary>Pulls listed at once, most recent first.</summary>
    public const int MaxPullsListed = 1000;
}
