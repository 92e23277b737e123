using System.Text;
using Dti.Application.Compliance.Queries.GetCompliance;
using Dti.Application.Compliance.Queries.GetComplianceCsv;
using Dti.Application.Evidence.Commands.AddEvidenceLink;
using Dti.Application.Evidence.Commands.UploadEvidence;
using Dti.Application.Evidence.Queries.GetEvidence;
using Dti.Application.Evidence.Queries.GetEvidenceContent;
using Dti.Application.Evidence.Queries.ListEvidence;
using Dti.Application.Obligations.Queries.GetAgencyObligationCalendar;
using Dti.Application.Obligations.Queries.ListAgencyObligations;
using Dti.Application.Obligations.Queries.ListObligations;
using Dti.Application.PlanTasks.Commands.RecordTaskProgress;
using Dti.Application.PlanTasks.Commands.UpdateTask;
using Dti.Application.PlanTasks.Queries.GetTask;
using Dti.Application.PlanTasks.Queries.ListTaskProgress;
using Dti.Application.PlanTasks.Queries.ListTasks;
using Dti.Application.ReportRequests.Commands.IssueReportRequest;
using Dti.Application.ReportRequests.Queries.GetReportRequest;
using Dti.Application.ReportRequests.Queries.ListContributions;
using Dti.Application.ReportRequests.Queries.ListReportRequests;
using Dti.Application.Reports.Commands.AcceptReport;
using Dti.Application.Reports.Commands.CreateReport;
using Dti.Application.Reports.Commands.ReopenReport;
using Dti.Application.Reports.Commands.ReturnReport;
using Dti.Application.Reports.Commands.ReviseReport;
using Dti.Application.Reports.Commands.SubmitReport;
using Dti.Application.Reports.Commands.UpdateReportContent;
using Dti.Application.Reports.Commands.WithdrawReport;
using Dti.Application.Reports.Queries.GetCompleteness;
using Dti.Application.Reports.Queries.GetReport;
using Dti.Application.Reports.Queries.GetReportVersion;
using Dti.Application.Reports.Queries.GetReportVersionDiff;
using Dti.Application.Reports.Queries.ListReports;
using Dti.Application.Reports.Queries.ListReportVersions;
using Dti.Domain.Clients;

namespace Dti.Api.Tests.Security;

/// <summary>One row of the access table.</summary>
/// <param name="Roles">The roles the operation's policy admits.</param>
/// <param name="Scoped">
/// The request that declares the agency it addresses (<c>IAgencyScoped</c>): a caller outside that agency gets the 404
/// a missing object gets (<see cref="AgencyScopeTests"/>).
/// </param>
/// <param name="Filtered">The list request that shows only the caller's agencies' objects (<c>IAgencyFiltered</c>).</param>
public sealed record Access(ClientRole[] Roles, Type? Scoped = null, Type? Filtered = null)
{
    /// <summary>The "agency scope" column as docs/security.md prints it.</summary>
    public string AgencyScope => Scoped is not null ? "404 outside the caller's agencies" : Filtered is not null ? "only the caller's agencies" : "—";
}

/// <summary>
/// Who may call each operation of the API, by operationId, and whether the answer depends on the caller's agencies.
/// <see cref="AuthorizationMatrixTests"/> fails for any operation in the served OpenAPI document that is missing here,
/// so no endpoint ships without a decision; <see cref="AgencyScopeTests"/> runs every agency-scoped operation with
/// another agency's ids; docs/security.md prints this table. When you add an endpoint, add one line: its operationId,
/// the roles its policy admits and, when it touches an agency's objects, the request that declares the agency.
/// </summary>
public static class AccessTable
{
    public static readonly ClientRole[] Everyone = [ClientRole.Coordinator, ClientRole.AgencyReporter, ClientRole.Ministry, ClientRole.Reader];

    /// <summary>Policies.ReadReference: frameworks, the calendar.</summary>
    public static readonly ClientRole[] ReadReference = Everyone;

    /// <summary>Policies.ReadAgencyData: agencies, plans, tasks, assignments.</summary>
    public static readonly ClientRole[] ReadAgencyData = [ClientRole.Coordinator, ClientRole.AgencyReporter, ClientRole.Reader];

    /// <summary>Policies.WriteAgencyData: an agency's own progress and reports.</summary>
    public static readonly ClientRole[] WriteAgencyData = [ClientRole.Coordinator, ClientRole.AgencyReporter];

    /// <summary>Policies.ReadResults: consolidated assessments and results.</summary>
    public static readonly ClientRole[] ReadResults = [ClientRole.Coordinator, ClientRole.Ministry, ClientRole.Reader];

    /// <summary>Policies.ReadReports: every role (readers and the ministry see accepted reports only).</summary>
    public static readonly ClientRole[] ReadReports = Everyone;

    /// <summary>The report lifecycle's agency actions (edit, submit, withdraw, reopen, revise): the reporting agency's reporters.</summary>
    public static readonly ClientRole[] ReportAuthor = [ClientRole.AgencyReporter];

    /// <summary>Policies.PullSnapshots: finalised self-assessment snapshots, for the coordinator and the ministry.</summary>
    public static readonly ClientRole[] PullSnapshots = [ClientRole.Coordinator, ClientRole.Ministry];

    /// <summary>Policies.ImportMinistryFigures: the coordinator entering the ministry's letter, the ministry pushing its own numbers.</summary>
    public static readonly ClientRole[] ImportMinistryFigures = [ClientRole.Coordinator, ClientRole.Ministry];

    /// <summary>Policies.CoordinatorOnly.</summary>
    public static readonly ClientRole[] CoordinatorOnly = [ClientRole.Coordinator];

    public static readonly IReadOnlyDictionary<string, Access> Operations = new Dictionary<string, Access>(StringComparer.Ordinal)
    {
        // Frameworks
        ["ListFrameworks"] = new(ReadReference),
        ["GetFramework"] = new(ReadReference),
        ["GetIndex"] = new(ReadReference),
        ["GetFrameworkForYear"] = new(ReadReference),
        ["ImportFramework"] = new(CoordinatorOnly),
        ["UpdateFramework"] = new(CoordinatorOnly),
        ["ImportComponentIndices"] = new(CoordinatorOnly),
        ["PublishFramework"] = new(CoordinatorOnly),

        // Clients
        ["GetCurrentClient"] = new(Everyone),
        ["ListClients"] = new(CoordinatorOnly),
        ["GetClient"] = new(CoordinatorOnly),
        ["CreateClient"] = new(CoordinatorOnly),
        ["RotateClientKey"] = new(CoordinatorOnly),
        ["RevokeClient"] = new(CoordinatorOnly),

        // Audit
        ["ListAuditEntries"] = new(CoordinatorOnly),

        // Agencies, plans, tasks, assignments
        ["ListAgencies"] = new(ReadAgencyData),
        ["GetAgency"] = new(ReadAgencyData),
        ["ListPlans"] = new(ReadAgencyData),
        ["GetPlan"] = new(ReadAgencyData),
        ["ListTasks"] = new(ReadAgencyData, Filtered: typeof(ListTasksQuery)),
        ["ListPlanTasks"] = new(ReadAgencyData, Filtered: typeof(ListTasksQuery)),
        ["GetTask"] = new(ReadAgencyData, Scoped: typeof(GetTaskQuery)),
        ["ListTaskProgress"] = new(ReadAgencyData, Scoped: typeof(ListTaskProgressQuery)),
        ["ListPlanAssignments"] = new(ReadAgencyData),
        ["GetAssignment"] = new(ReadAgencyData),
        ["GetAssignmentHistory"] = new(ReadAgencyData),
        ["ListIndexAssignments"] = new(ReadAgencyData),
        ["GetCoverage"] = new(ReadAgencyData),
        ["ListAgencyAssignments"] = new(ReadAgencyData),
        ["RecordTaskProgress"] = new(WriteAgencyData, Scoped: typeof(RecordTaskProgressCommand)),
        ["CreateAgency"] = new(CoordinatorOnly),
        ["UpdateAgency"] = new(CoordinatorOnly),
        ["RecordAgencySuccession"] = new(CoordinatorOnly),
        ["CreatePlan"] = new(CoordinatorOnly),
        ["UpdatePlan"] = new(CoordinatorOnly),
        ["IssuePlan"] = new(CoordinatorOnly),
        ["ClosePlan"] = new(CoordinatorOnly),
        ["SupersedePlan"] = new(CoordinatorOnly),
        ["CreateTask"] = new(CoordinatorOnly),
        ["UpdateTask"] = new(CoordinatorOnly, Scoped: typeof(UpdateTaskCommand)),
        ["CreateAssignment"] = new(CoordinatorOnly),
        ["UpdateAssignment"] = new(CoordinatorOnly),
        ["ReassignAssignment"] = new(CoordinatorOnly),
        ["GetPlanReportingRules"] = new(ReadAgencyData),
        ["SetPlanReportingRules"] = new(CoordinatorOnly),

        // Obligations
        ["ListObligations"] = new(ReadAgencyData, Filtered: typeof(ListObligationsQuery)),
        ["GetCompleteness"] = new(ReadAgencyData, Filtered: typeof(GetCompletenessQuery)),
        ["GetCompliance"] = new(ReadAgencyData, Filtered: typeof(GetComplianceQuery)),
        ["GetComplianceCsv"] = new(ReadAgencyData, Filtered: typeof(GetComplianceCsvQuery)),
        ["ListAgencyObligations"] = new(ReadAgencyData, Scoped: typeof(ListAgencyObligationsQuery)),
        ["GetAgencyObligationCalendar"] = new(ReadAgencyData, Scoped: typeof(GetAgencyObligationCalendarQuery)),

        // Evidence
        ["ListEvidence"] = new(WriteAgencyData, Scoped: typeof(ListEvidenceQuery)),
        ["GetEvidence"] = new(WriteAgencyData, Scoped: typeof(GetEvidenceQuery)),
        ["GetEvidenceContent"] = new(WriteAgencyData, Scoped: typeof(GetEvidenceContentQuery)),
        ["UploadEvidence"] = new(WriteAgencyData, Scoped: typeof(UploadEvidenceCommand)),
        ["AddEvidenceLink"] = new(WriteAgencyData, Scoped: typeof(AddEvidenceLinkCommand)),

        // Reports
        ["ListReports"] = new(ReadReports, Filtered: typeof(ListReportsQuery)),
        ["GetReport"] = new(ReadReports, Scoped: typeof(GetReportQuery)),
        ["CreateReport"] = new(ReportAuthor, Scoped: typeof(CreateReportCommand)),
        ["UpdateReportContent"] = new(ReportAuthor, Scoped: typeof(UpdateReportContentCommand)),
        ["SubmitReport"] = new(ReportAuthor, Scoped: typeof(SubmitReportCommand)),
        ["WithdrawReport"] = new(ReportAuthor, Scoped: typeof(WithdrawReportCommand)),
        ["AcceptReport"] = new(CoordinatorOnly, Scoped: typeof(AcceptReportCommand)),
        ["ReturnReport"] = new(CoordinatorOnly, Scoped: typeof(ReturnReportCommand)),
        ["ReopenReport"] = new(ReportAuthor, Scoped: typeof(ReopenReportCommand)),
        ["ReviseReport"] = new(ReportAuthor, Scoped: typeof(ReviseReportCommand)),
        ["ListReportVersions"] = new(ReadReports, Scoped: typeof(ListReportVersionsQuery)),
        ["GetReportVersion"] = new(ReadReports, Scoped: typeof(GetReportVersionQuery)),
        ["GetReportVersionDiff"] = new(ReadReports, Scoped: typeof(GetReportVersionDiffQuery)),

        // Report requests and contributions
        ["ListReportRequests"] = new(WriteAgencyData, Filtered: typeof(ListReportRequestsQuery)),
        ["GetReportRequest"] = new(WriteAgencyData, Scoped: typeof(GetReportRequestQuery)),
        ["IssueAdHocRequest"] = new(CoordinatorOnly, Scoped: typeof(IssueReportRequestCommand)),
        ["IssueContributionRequest"] = new(WriteAgencyData, Scoped: typeof(IssueReportRequestCommand)),
        ["ListContributions"] = new(WriteAgencyData, Scoped: typeof(ListContributionsQuery)),
        // Self-assessments: the province's own, not an agency's (no agency scope)
        ["OpenSelfAssessment"] = new(CoordinatorOnly),
        ["GetSelfAssessment"] = new(CoordinatorOnly),
        ["OverrideSelfAssessmentIndex"] = new(CoordinatorOnly),
        ["FinaliseSelfAssessment"] = new(CoordinatorOnly),
        ["ReopenSelfAssessment"] = new(CoordinatorOnly),
        ["ListSnapshots"] = new(PullSnapshots),
        ["GetSnapshot"] = new(PullSnapshots),
        ["ListSnapshotPulls"] = new(CoordinatorOnly),
        ["GetSigningCertificate"] = new(ReadResults),
        ["GetMinistryFigures"] = new(ReadResults),
        ["ImportMinistryFigures"] = new(ImportMinistryFigures),
        ["CompareWithMinistry"] = new(ReadResults),
        ["CompareWithMinistryCsv"] = new(ReadResults),
        // Official results
        ["ListProvinceUnits"] = new(ReadReference),
        ["GetResultTable"] = new(ReadReference),
        ["GetResultHistory"] = new(ReadReference),
        ["GetPointsLost"] = new(ReadReference),
        ["GetResultTableCsv"] = new(ReadReference),
        ["GetResultHistoryCsv"] = new(ReadReference),
        ["GetPointsLostCsv"] = new(ReadReference),
        // The finalised self-assessment's values: who reads consolidated assessments, not agency reporters
        ["GetSelfVsOfficial"] = new(ReadResults),
        ["GetSelfVsOfficialCsv"] = new(ReadResults),
        ["EvaluateWhatIf"] = new(ReadAgencyData),
        ["ImportOfficialResults"] = new(CoordinatorOnly),

        // Webhooks: every client its own subscriptions (another client's answers 404; coordinators see all)
        ["ListWebhooks"] = new(Everyone),
        ["GetWebhook"] = new(Everyone),
        ["CreateWebhook"] = new(Everyone),
        ["UpdateWebhook"] = new(Everyone),
        ["DeleteWebhook"] = new(Everyone),
        ["RotateWebhookSecret"] = new(Everyone),
        ["ListWebhookDeliveries"] = new(Everyone),
        ["RedeliverWebhook"] = new(Everyone),

        // Calendar
        ["GetCalendarDay"] = new(ReadReference),
        ["GetHolidays"] = new(ReadReference),
        ["GetOfficialSchedule"] = new(ReadReference),
        ["ReplaceOfficialSchedule"] = new(CoordinatorOnly),
        ["DeleteOfficialSchedule"] = new(CoordinatorOnly),

        // Deadline rules
        ["ListDeadlineRules"] = new(ReadReference),
        ["GetDeadlineRule"] = new(ReadReference),
        ["ParseDeadlineRule"] = new(ReadReference),
        ["GetDeadlineOccurrences"] = new(ReadReference),
        ["GetDeadlineCalendar"] = new(ReadReference),
        ["CreateDeadlineRule"] = new(CoordinatorOnly),
        ["UpdateDeadlineRule"] = new(CoordinatorOnly),
        ["DeleteDeadlineRule"] = new(CoordinatorOnly),
    };

    /// <summary>The table as docs/security.md prints it, in operationId order.</summary>
    public static string ToMarkdown()
    {
        var table = new StringBuilder()
            .Append("| Operation | Coordinator | AgencyReporter | Ministry | Reader | Agency scope |\n")
            .Append("|---|---|---|---|---|---|\n");
        foreach (var (operation, access) in Operations.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var roles = Everyone.Select(r => access.Roles.Contains(r) ? "✔" : "✘");
            table.Append($"| `{operation}` | {string.Join(" | ", roles)} | {access.AgencyScope} |\n");
        }

        return table.ToString();
    }
}
