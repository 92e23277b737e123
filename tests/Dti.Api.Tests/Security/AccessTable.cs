using Dti.Domain.Clients;

namespace Dti.Api.Tests.Security;

/// <summary>
/// Who may call each operation of the API, by operationId. <see cref="AuthorizationMatrixTests"/> fails for any
/// operation in the served OpenAPI document that is missing here, so no endpoint ships without a decision.
/// When you add an endpoint, add one line: its operationId and the roles its policy admits.
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

    /// <summary>Policies.CoordinatorOnly.</summary>
    public static readonly ClientRole[] CoordinatorOnly = [ClientRole.Coordinator];

    public static readonly IReadOnlyDictionary<string, ClientRole[]> Operations = new Dictionary<string, ClientRole[]>(StringComparer.Ordinal)
    {
        // Frameworks
        ["ListFrameworks"] = ReadReference,
        ["GetFramework"] = ReadReference,
        ["GetIndex"] = ReadReference,
        ["GetFrameworkForYear"] = ReadReference,
        ["ImportFramework"] = CoordinatorOnly,
        ["UpdateFramework"] = CoordinatorOnly,
        ["ImportComponentIndices"] = CoordinatorOnly,
        ["PublishFramework"] = CoordinatorOnly,

        // Clients
        ["GetCurrentClient"] = Everyone,
        ["ListClients"] = CoordinatorOnly,
        ["GetClient"] = CoordinatorOnly,
        ["CreateClient"] = CoordinatorOnly,
        ["RotateClientKey"] = CoordinatorOnly,
        ["RevokeClient"] = CoordinatorOnly,

        // Audit
        ["ListAuditEntries"] = CoordinatorOnly,

        // Agencies, plans, tasks, assignments
        ["ListAgencies"] = ReadAgencyData,
        ["GetAgency"] = ReadAgencyData,
        ["ListPlans"] = ReadAgencyData,
        ["GetPlan"] = ReadAgencyData,
        ["ListTasks"] = ReadAgencyData,
        ["ListPlanTasks"] = ReadAgencyData,
        ["GetTask"] = ReadAgencyData,
        ["ListTaskProgress"] = ReadAgencyData,
        ["ListPlanAssignments"] = ReadAgencyData,
        ["GetAssignment"] = ReadAgencyData,
        ["GetAssignmentHistory"] = ReadAgencyData,
        ["ListIndexAssignments"] = ReadAgencyData,
        ["GetCoverage"] = ReadAgencyData,
        ["ListAgencyAssignments"] = ReadAgencyData,
        ["RecordTaskProgress"] = WriteAgencyData,
        ["CreateAgency"] = CoordinatorOnly,
        ["UpdateAgency"] = CoordinatorOnly,
        ["RecordAgencySuccession"] = CoordinatorOnly,
        ["CreatePlan"] = CoordinatorOnly,
        ["UpdatePlan"] = CoordinatorOnly,
        ["IssuePlan"] = CoordinatorOnly,
        ["ClosePlan"] = CoordinatorOnly,
        ["SupersedePlan"] = CoordinatorOnly,
        ["CreateTask"] = CoordinatorOnly,
        ["UpdateTask"] = CoordinatorOnly,
        ["CreateAssignment"] = CoordinatorOnly,
        ["UpdateAssignment"] = CoordinatorOnly,
        ["ReassignAssignment"] = CoordinatorOnly,
        ["GetPlanReportingRules"] = ReadAgencyData,
        ["SetPlanReportingRules"] = CoordinatorOnly,

        // Obligations
        ["ListObligations"] = ReadAgencyData,
        ["ListAgencyObligations"] = ReadAgencyData,
        ["GetAgencyObligationCalendar"] = ReadAgencyData,

        // Calendar
        ["GetCalendarDay"] = ReadReference,
        ["GetHolidays"] = ReadReference,
        ["GetOfficialSchedule"] = ReadReference,
        ["ReplaceOfficialSchedule"] = CoordinatorOnly,
        ["DeleteOfficialSchedule"] = CoordinatorOnly,

        // Deadline rules
        ["ListDeadlineRules"] = ReadReference,
        ["GetDeadlineRule"] = ReadReference,
        ["ParseDeadlineRule"] = ReadReference,
        ["GetDeadlineOccurrences"] = ReadReference,
        ["GetDeadlineCalendar"] = ReadReference,
        ["CreateDeadlineRule"] = CoordinatorOnly,
        ["UpdateDeadlineRule"] = CoordinatorOnly,
        ["DeleteDeadlineRule"] = CoordinatorOnly,
    };
}
