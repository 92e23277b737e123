using System.ComponentModel.DataAnnotations;
using Dti.Application.Agencies;
using Dti.Application.Common.Models;
using Dti.Application.Common.Validation;
using Dti.Application.Deadlines;
using Dti.Application.Plans;
using Dti.Domain.Agencies;
using Dti.Domain.Calendar;
using Dti.Domain.Deadlines;
using Dti.Domain.Frameworks;

namespace Dti.Application.Obligations;

/// <summary>One report an agency owes the coordinator: a plan's reporting rule, for one period.</summary>
/// <param name="Agency">The agency that owes the report.</param>
/// <param name="Plan">The issued plan that asks for it.</param>
/// <param name="Rule">The plan's reporting rule.</param>
/// <param name="Role">Lead (owes the report to the coordinator) or, only with <c>includeCooperating=true</c>, Cooperating (reports to the lead).</param>
/// <param name="PeriodId">The reporting period, e.g. 2026Q1, 2026.</param>
/// <param name="DataWindow">The days whose data the report covers.</param>
/// <param name="NominalDate">The date the rule names, before the boundary and holiday adjustment.</param>
/// <param name="LastAllowedDay">The last day on which the report is on time.</param>
/// <param name="LastAllowedInstant">The last instant on time, +07:00: the rule's time of day on that day, or its end (24:00); reports and statuses are judged against it.</param>
/// <param name="Status">Upcoming, DueSoon or Overdue relative to now.</param>
/// <param name="IndexCodes">The indices the agency leads (or cooperates on) in the plan.</param>
/// <param name="Steps">How the deadline was reached, one line per step.</param>
/// <param name="ReportStatus">Lead obligations only (null for cooperating): where the agency's periodic report for it stands —
/// NotStarted, Draft, Submitted, Returned, Accepted, or Missing (nothing submitted and the last allowed instant has passed).</param>
/// <param name="ReportId">The report answering it, when one was started.</param>
public sealed record ObligationDto(
    ObligationAgencyDto Agency,
    ObligationPlanDto Plan,
    ObligationRuleDto Rule,
    HolderRole Role,
    [property: MaxLength(ReportingPeriod.IdMaxLength), RegularExpression(ReportingPeriod.IdPattern)] string PeriodId,
    DataWindow DataWindow,
    DateOnly NominalDate,
    DateOnly LastAllowedDay,
    DateTimeOffset LastAllowedInstant,
    ObligationStatus Status,
    [property: MaxLength(FrameworkLimits.MaxMainIndices + FrameworkLimits.MaxComponentIndices), ItemLimits(FrameworkLimits.IndexCodeMaxLength, FrameworkLimits.IndexCodePattern)] IReadOnlyList<string> IndexCodes,
    [property: MaxLength(WorkingCalendar.MaxExplanations), ItemLimits(WorkingCalendar.MaxExplanationLength, TextRules.SingleLinePattern)] IReadOnlyList<string> Steps,
    ObligationReportStatus? ReportStatus,
    Guid? ReportId);

/// <summary>Where the report answering an obligation stands, beside the deadline status.</summary>
public enum ObligationReportStatus
{
    /// <summary>No report started, and the deadline has not passed.</summary>
    NotStarted,

    /// <summary>A draft, never submitted (or only withdrawn), and the deadline has not passed.</summary>
    Draft,

    /// <summary>Submitted and waiting for review.</summary>
    Submitted,

    /// <summary>Sent back for corrections (or reopened after that to correct).</summary>
    Returned,

    /// <summary>Accepted (a correction of it may be in progress; the accepted revision stands).</summary>
    Accepted,

    /// <summary>Nothing submitted, and the last allowed instant has passed.</summary>
    Missing,
}

/// <param name="Id">The agency's id.</param>
/// <param name="Code">Its electronic identifier.</param>
/// <param name="ShortName">Its short name.</param>
[LimitsOf(typeof(AgencyInput))]
public sealed record ObligationAgencyDto(Guid Id, string Code, string ShortName);

/// <param name="Id">The plan's id.</param>
/// <param name="DocumentNumber">Its document number, e.g. 170/KH-UBND.</param>
[LimitsOf(typeof(PlanInput))]
public sealed record ObligationPlanDto(Guid Id, string DocumentNumber);

/// <param name="Id">The deadline rule's id.</param>
/// <param name="Name">The rule's name.</param>
[LimitsOf(typeof(DeadlineRuleInput))]
public sealed record ObligationRuleDto(Guid Id, string Name);

/// <summary>One page of obligations with the moment and horizon their statuses were computed for.</summary>
/// <param name="Items">The obligations on this page, by last allowed instant, then agency code.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Items per page.</param>
/// <param name="TotalCount">Obligations matching the filters.</param>
/// <param name="TotalPages">Pages at this size.</param>
/// <param name="AsOf">The moment statuses are computed for, in Asia/Ho_Chi_Minh.</param>
/// <param name="DueSoonWorkingDays">The "due soon" horizon in working days (setting <c>Deadlines:DueSoonWorkingDays</c>).</param>
[LimitsOf(typeof(PageRequest))]
public sealed record ObligationPageDto(
    [property: MaxLength(PageRequest.MaxPageSize)] IReadOnlyList<ObligationDto> Items,
    int Page,
    int PageSize,
    [property: Range(0, int.MaxValue)] int TotalCount,
    [property: Range(0, int.MaxValue)] int TotalPages,
    DateTimeOffset AsOf,
    [property: Range(0, DeadlineOptions.MaxDueSoonWorkingDays)] int DueSoonWorkingDays);

/// <summary>What one agency owes in a range, a page at a time.</summary>
/// <param name="AgencyId">The agency.</param>
/// <param name="From">First last-allowed day asked about (without <c>from</c>/<c>to</c>: 1 January of the current assessment year).</param>
/// <param name="To">Last last-allowed day asked about (without <c>from</c>/<c>to</c>: 31 December of the current assessment year).</param>
/// <param name="AsOf">The moment statuses are computed for, in Asia/Ho_Chi_Minh.</param>
/// <param name="DueSoonWorkingDays">The "due soon" horizon in working days.</param>
/// <param name="Obligations">This page of them, by last allowed instant.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Obligations per page.</param>
/// <param name="TotalCount">Obligations in the range.</param>
/// <param name="TotalPages">Pages at this size.</param>
[LimitsOf(typeof(PageRequest))]
public sealed record AgencyObligationsDto(
    Guid AgencyId,
    DateOnly From,
    DateOnly To,
    DateTimeOffset AsOf,
    [property: Range(0, DeadlineOptions.MaxDueSoonWorkingDays)] int DueSoonWorkingDays,
    [property: MaxLength(PageRequest.MaxPageSize)] IReadOnlyList<ObligationDto> Obligations,
    int Page,
    int PageSize,
    [property: Range(0, int.MaxValue)] int TotalCount,
    [property: Range(0, int.MaxValue)] int TotalPages);
