using Dti.Domain.Auditing;
using Dti.Domain.Plans;

namespace Dti.Domain.Reports;

/// <summary>Limits of reports and report requests, used by the domain guards, the validators and the EF configuration.</summary>
public static class ReportLimits
{
    /// <summary>Index entries in one report: every index an agency could lead, with room to spare (QĐ 922 has 107 indices in all).</summary>
    public const int MaxEntries = 200;

    public const int NoteMaxLength = 2000;

    /// <summary>Why an index is scored without the evidence the framework asks for.</summary>
    public const int ExplanationMaxLength = 2000;

    /// <summary>A text value (an index measured as text).</summary>
    public const int TextValueMaxLength = 2000;

    public const int MaxEvidencePerEntry = 20;

    /// <summary>Each of results, difficulties and proposals.</summary>
    public const int SectionMaxLength = 20_000;

    /// <summary>The coordinator's reason for a return, overall or per index.</summary>
    public const int ReasonMaxLength = 2000;

    /// <summary>Tasks captured in one submission's snapshot.</summary>
    public const int MaxTasks = 500;

    public const int TopicMaxLength = PlanLimits.TitleMaxLength;

    public const int MaxAskedAgencies = 200;

    public const int MaxAskedIndices = MaxEntries;

    public const int MaxDueWorkingDays = 60;

    /// <summary>Contributions one entry's value may cite (a lead sums what its cooperating agencies sent).</summary>
    public const int MaxSourcesPerEntry = 50;

    /// <summary>The obligation or request a report answers, e.g. <c>P:{plan}:{rule}:2023Q4</c> or <c>R:{request}</c>.</summary>
    public const int SubjectKeyMaxLength = 100;

    /// <summary>SHA-256 as 64 lower-case hex characters.</summary>
    public const int ContentHashLength = 64;

    public const int ActorIdMaxLength = AuditLimits.ClientIdMaxLength;

    public const int ActorNameMaxLength = AuditLimits.ClientNameMaxLength;

    /// <summary>Percentages run from 0 to 100.</summary>
    public const decimal MaxPercentage = 100m;
}
