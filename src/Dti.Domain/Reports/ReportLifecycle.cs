using Dti.Domain.Clients;
using Dti.Domain.Common;

namespace Dti.Domain.Reports;

/// <summary>
/// The report lifecycle: Draft → Submitted → Accepted, or → Returned → Draft → Submitted …; a submitted report not yet
/// reviewed can be withdrawn; an accepted report is corrected only by a new revision. The reporting agency's reporter
/// writes, submits, withdraws and revises. The coordinator reviews every report, contributions included
/// (<see cref="ContributionTable"/>, the same rows under its own name); the lead agency a contribution feeds reads it and
/// takes its values from any version submitted and not withdrawn or returned. Printed in docs/reports.md (a test keeps it
/// equal to these tables).
/// </summary>
public static class ReportLifecycle
{
    /// <summary>At most every action at once (from Submitted: withdraw, accept, return): the bound of <c>allowedActions</c>.</summary>
    public const int MaxAllowedActions = 3;

    public static readonly Lifecycle<ReportState, ReportAction> Table = Build("report", ClientRole.Coordinator);

    public static readonly Lifecycle<ReportState, ReportAction> ContributionTable = Build("contribution", ClientRole.Coordinator);

    /// <summary>The table a report of <paramref name="kind"/> follows.</summary>
    public static Lifecycle<ReportState, ReportAction> For(ReportKind kind) => kind == ReportKind.Contribution ? ContributionTable : Table;

    private static Lifecycle<ReportState, ReportAction> Build(string subject, ClientRole reviewer) => new(subject,
    [
        new(ReportState.Draft, ReportAction.Edit, ReportState.Draft, [ClientRole.AgencyReporter]),
        new(ReportState.Draft, ReportAction.Submit, ReportState.Submitted, [ClientRole.AgencyReporter]),
        new(ReportState.Submitted, ReportAction.Withdraw, ReportState.Draft, [ClientRole.AgencyReporter]),
        new(ReportState.Submitted, ReportAction.Accept, ReportState.Accepted, [reviewer]),
        new(ReportState.Submitted, ReportAction.Return, ReportState.Returned, [reviewer]),
        new(ReportState.Returned, ReportAction.Edit, ReportState.Draft, [ClientRole.AgencyReporter]),
        new(ReportState.Returned, ReportAction.Reopen, ReportState.Draft, [ClientRole.AgencyReporter]),
        new(ReportState.Accepted, ReportAction.Revise, ReportState.Draft, [ClientRole.AgencyReporter]),
    ]);
}
