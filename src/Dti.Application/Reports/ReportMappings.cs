using Dti.Domain.Reports;
using Mapster;

namespace Dti.Application.Reports;

/// <summary>How reports, their versions and their differences become DTOs (fields of the same name map by themselves).</summary>
public sealed class ReportMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<Report, ReportDto>()
            .Map(d => d.AllowedActions, s => s.AllowedActions())
            .Map(d => d.Entries, s => InOrder(s.Entries))
            .Map(d => d.Tasks, s => InOrder(s.Tasks))
            .Map(d => d.SubmittedAt, s => s.CountedSubmittedAt)
            .Map(d => d.Timeliness, s => s.CountedTimeliness)
            .Map(d => d.WorkingDaysLate, s => s.CountedWorkingDaysLate)
            .Ignore(d => d.LastReview!);

        // The parts of a report, live (entries, task states, return notes) and frozen in a version's document.
        config.NewConfig<ReportEntry, ReportEntryDto>();
        config.NewConfig<ContributionSource, ContributionSourceDto>();
        config.NewConfig<ReportReturnNote, IndexNoteDto>();
        config.NewConfig<ReportEntrySpec, ReportEntryDto>()
            .Map(d => d.Sources, s => s.Sources ?? Array.Empty<ContributionSource>());
        config.NewConfig<TaskStateSpec, ReportTaskDto>();
        config.NewConfig<ReportDocument, ReportContentDto>();
        config.NewConfig<ReportChange, ReportChangeDto>();

        // Lists are projected in the database: only these columns are read.
        config.NewConfig<Report, ReportSummaryDto>()
            .Map(d => d.SubmittedAt, s => s.CountedSubmittedAt)
            .Map(d => d.Timeliness, s => s.CountedTimeliness)
            .Map(d => d.WorkingDaysLate, s => s.CountedWorkingDaysLate)
            .Map(d => d.EntryCount, s => s.Entries.Count);

        config.NewConfig<ReportVersion, ReportReviewDto>()
            .Map(d => d.VersionNumber, s => s.Number)
            .Map(d => d.Reason, s => s.ReturnReason);

        // Whether a version counts depends on its report: the query sets it after mapping.
        config.NewConfig<ReportVersion, ReportVersionSummaryDto>()
            .Map(d => d.LastAllowedInstant, s => s.Deadline.LastAllowedInstant)
            .Ignore(d => d.CountsForTimeliness);
    }

    // The orders live in methods, not in lambdas inside the mapping: Mapster compiles a mapping into one expression tree,
    // and a lambda nested in it becomes a dynamic method whose delegate is created again on every call
    // (DynamicMethod.CreateDelegate, 0.8 % of the API's CPU under submissions, docs/benchmarks.md, seventeenth step).
    // Here they are ordinary lambdas, whose delegates the compiler caches.

    /// <summary>A report's entries in the order they were written.</summary>
    private static IEnumerable<ReportEntry> InOrder(IEnumerable<ReportEntry> entries) => entries.OrderBy(e => e.Position);

    /// <summary>A report's tasks by due date, undated last, then by title.</summary>
    private static IEnumerable<TaskStateSpec> InOrder(IEnumerable<TaskStateSpec> tasks) =>
        tasks.OrderBy(t => t.DueDate == null).ThenBy(t => t.DueDate).ThenBy(t => t.Title);
}
