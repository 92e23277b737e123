using System.ComponentModel.DataAnnotations;
using Dti.Application.Agencies;
using Dti.Application.Common.Models;
using Dti.Application.Common.Validation;
using Dti.Application.Obligations;
using Dti.Domain.Agencies;
using Dti.Domain.Frameworks;

namespace Dti.Application.Compliance;

/// <summary>One page of the compliance view: every agency's record over a range, who is behind first.</summary>
/// <param name="Items">The agencies on this page, in <see cref="ComplianceOrder"/>.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="PageSize">Agencies per page.</param>
/// <param name="TotalCount">Agencies with something in the range (an obligation due, a task due, an index led).</param>
/// <param name="TotalPages">Pages at this size.</param>
/// <param name="From">First day of the range.</param>
/// <param name="To">Last day of the range.</param>
/// <param name="AsOf">The moment "missing" and "overdue" are judged at, in Asia/Ho_Chi_Minh.</param>
[LimitsOf(typeof(PageRequest))]
public sealed record CompliancePageDto(
    [property: MaxLength(PageRequest.MaxPageSize)] IReadOnlyList<AgencyComplianceDto> Items,
    int Page,
    int PageSize,
    [property: Range(0, int.MaxValue)] int TotalCount,
    [property: Range(0, int.MaxValue)] int TotalPages,
    DateOnly From,
    DateOnly To,
    DateTimeOffset AsOf);

/// <summary>One agency's record over the range.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="Obligations">The periodic reports it owed as lead, by last allowed day in the range.</param>
/// <param name="Tasks">The tasks it leads under issued plans, by due date in the range.</param>
/// <param name="Indices">The indices it leads under issued plans covering the range's years, in index-code order then plan.</param>
public sealed record AgencyComplianceDto(
    ComplianceAgencyDto Agency,
    ComplianceObligationsDto Obligations,
    ComplianceTasksDto Tasks,
    [property: MaxLength(ComplianceLimits.MaxIndicesPerAgency)] IReadOnlyList<LedIndexDto> Indices);

/// <param name="Id">The agency's id.</param>
/// <param name="Code">Its electronic identifier.</param>
/// <param name="FullName">Its full Vietnamese name.</param>
/// <param name="ShortName">Its short name.</param>
/// <param name="Kind">Department, commune People's Committee, …</param>
[LimitsOf(typeof(AgencyInput))]
public sealed record ComplianceAgencyDto(Guid Id, string Code, string FullName, string ShortName, AgencyKind Kind);

/// <summary>How an agency kept its reporting deadlines. <c>Due</c> = <c>OnTime</c> + <c>Late</c> + <c>Missing</c> + <c>Pending</c>.</summary>
/// <param name="Due">Lead obligations whose last allowed day is in the range.</param>
/// <param name="OnTime">Of those, the submission that counts (the first not withdrawn) came by the last allowed instant.</param>
/// <param name="Late">The submission that counts came after it.</param>
/// <param name="Missing">Nothing submitted (or only withdrawn) and the last allowed instant has passed.</param>
/// <param name="Pending">Nothing submitted yet, and still time: the last allowed instant is after <c>asOf</c>.</param>
/// <param name="OnTimeRate">On time ÷ due, 4 decimals (0.75 = 75 %); null when nothing was due.</param>
public sealed record ComplianceObligationsDto(
    [property: Range(0, int.MaxValue)] int Due,
    [property: Range(0, int.MaxValue)] int OnTime,
    [property: Range(0, int.MaxValue)] int Late,
    [property: Range(0, int.MaxValue)] int Missing,
    [property: Range(0, int.MaxValue)] int Pending,
    [property: Range(0, 1)] decimal? OnTimeRate);

/// <summary>An agency's tasks due in the range (cancelled tasks and tasks without a due date are not counted).</summary>
/// <param name="Done">Reported done.</param>
/// <param name="Open">Not done, and the due date is today or later.</param>
/// <param name="Overdue">Not done, and the due date has passed (as <c>/tasks</c> says "overdue").</param>
public sealed record ComplianceTasksDto(
    [property: Range(0, int.MaxValue)] int Done,
    [property: Range(0, int.MaxValue)] int Open,
    [property: Range(0, int.MaxValue)] int Overdue);

/// <summary>An index the agency leads, with the latest value accepted from it against the plan's target.</summary>
/// <param name="IndexCode">The main or component index.</param>
/// <param name="Plan">The issued plan that assigns it.</param>
/// <param name="TargetValue">The assignment's target value, or else the plan's target for the main index; null when neither sets one.</param>
/// <param name="LatestValue">The numeric value of the index in the agency's most recently accepted report version (periodic or ad hoc, of an assessment year in the range); null when none gives one.</param>
/// <param name="LatestAcceptedAt">When that version was accepted.</param>
public sealed record LedIndexDto(
    [property: MaxLength(FrameworkLimits.IndexCodeMaxLength), RegularExpression(FrameworkLimits.IndexCodePattern)] string IndexCode,
    ObligationPlanDto Plan,
    decimal? TargetValue,
    decimal? LatestValue,
    DateTimeOffset? LatestAcceptedAt);

/// <summary>Limits of the compliance view.</summary>
public static class ComplianceLimits
{
    /// <summary>Five years of 366 days, as obligations (<see cref="ObligationLimits.MaxRangeYears"/>): a term of office.</summary>
    public const int MaxRangeDays = 5 * 366;

    /// <summary>Every index of a framework under a few plans stays far below this.</summary>
    public const int MaxIndicesPerAgency = 1_000;
}
