using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Application.Frameworks;
using Dti.Application.Obligations;
using Dti.Domain.Frameworks;

namespace Dti.Application.Reports.Queries.GetCompleteness;

/// <summary>
/// What is still missing for an assessment year (or one period of it): the periodic reports owed and not submitted, and the
/// indices no submitted or accepted report has given a value yet, by agency and by index.
/// </summary>
/// <param name="AssessmentYear">The assessment year asked about.</param>
/// <param name="PeriodId">The period asked about, when one was (e.g. 2023Q4); null for the whole year.</param>
/// <param name="PlanId">The plan asked about, when one was.</param>
/// <param name="FrameworkCode">The framework governing the year, whose indices are counted.</param>
/// <param name="AsOf">The moment report and deadline statuses are computed for, in Asia/Ho_Chi_Minh.</param>
/// <param name="Obligations">Lead obligations of issued plans whose period is in scope: owed, submitted (Submitted or Accepted), outstanding.</param>
/// <param name="Indices">Indices the agencies lead, one per (agency, index): expected, answered with a value, outstanding.</param>
/// <param name="AgencyCount">Agencies that owe a report or lead an index in scope (all of them, even past the first <see cref="CompletenessLimits.MaxAgencies"/> listed).</param>
/// <param name="Agencies">Per agency, most outstanding first, then by code; at most <see cref="CompletenessLimits.MaxAgencies"/>.</param>
/// <param name="IndexLeads">Per index led in scope, in index-code order, with its lead agencies to chase.</param>
[LimitsOf(typeof(GetCompletenessQuery))]
public sealed record CompletenessDto(
    int AssessmentYear,
    string? PeriodId,
    Guid? PlanId,
    [property: MaxLength(FrameworkLimits.CodeMaxLength), RegularExpression(FrameworkLimits.CodePattern)] string FrameworkCode,
    DateTimeOffset AsOf,
    CompletenessTotalsDto Obligations,
    CompletenessTotalsDto Indices,
    [property: Range(0, int.MaxValue)] int AgencyCount,
    [property: MaxLength(CompletenessLimits.MaxAgencies)] IReadOnlyList<AgencyCompletenessDto> Agencies,
    [property: MaxLength(FrameworkLimits.MaxMainIndices + FrameworkLimits.MaxComponentIndices)] IReadOnlyList<IndexCompletenessDto> IndexLeads);

/// <summary>How much of what is expected is there.</summary>
/// <param name="Expected">What is expected: obligations owed, or indices led.</param>
/// <param name="Complete">Of those, submitted (obligations) or answered with a value (indices).</param>
/// <param name="Outstanding">Expected minus complete: what to chase.</param>
/// <param name="Percent">Complete as a percentage of expected, one decimal; null when nothing is expected.</param>
public sealed record CompletenessTotalsDto(
    [property: Range(0, int.MaxValue)] int Expected,
    [property: Range(0, int.MaxValue)] int Complete,
    [property: Range(0, int.MaxValue)] int Outstanding,
    [property: Range(0, 100)] decimal? Percent);

/// <summary>One agency: what it owes and has not submitted, and which of the indices it leads still have no value.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="Obligations">Its lead obligations in scope.</param>
/// <param name="Outstanding">Those without a submitted report (report status NotStarted, Draft, Returned or Missing), by last allowed instant; at most <see cref="CompletenessLimits.MaxOutstandingPerAgency"/>.</param>
/// <param name="Indices">The indices it leads in scope.</param>
/// <param name="UnansweredIndexCodes">Those no submitted or accepted report of the agency gives a value, in index-code order.</param>
public sealed record AgencyCompletenessDto(
    ObligationAgencyDto Agency,
    CompletenessTotalsDto Obligations,
    [property: MaxLength(CompletenessLimits.MaxOutstandingPerAgency)] IReadOnlyList<ObligationDto> Outstanding,
    CompletenessTotalsDto Indices,
    [property: MaxLength(FrameworkLimits.MaxMainIndices + FrameworkLimits.MaxComponentIndices), ItemLimits(FrameworkLimits.IndexCodeMaxLength, FrameworkLimits.IndexCodePattern)] IReadOnlyList<string> UnansweredIndexCodes);

/// <summary>One index led in scope: whether every lead agency has given it a value, and who to chase.</summary>
/// <param name="IndexCode">The main or component index.</param>
/// <param name="NameVi">Its name in the governing framework.</param>
/// <param name="Answered">Every lead agency's submitted or accepted report gives it a value.</param>
/// <param name="LeadCount">Its lead agencies in scope (one per plan that assigns it).</param>
/// <param name="Leads">Its lead agencies, those without a value first; at most <see cref="CompletenessLimits.MaxLeadsPerIndex"/>.</param>
[LimitsOf(typeof(MainIndexInput))]
public sealed record IndexCompletenessDto(
    [property: MaxLength(FrameworkLimits.IndexCodeMaxLength), RegularExpression(FrameworkLimits.IndexCodePattern)] string IndexCode,
    string NameVi,
    bool Answered,
    [property: Range(0, int.MaxValue)] int LeadCount,
    [property: MaxLength(CompletenessLimits.MaxLeadsPerIndex)] IReadOnlyList<IndexLeadDto> Leads);

/// <summary>A lead agency of an index and whether it has given the index a value.</summary>
/// <param name="Agency">The lead agency.</param>
/// <param name="Answered">A submitted or accepted report of the agency in scope gives the index a value.</param>
public sealed record IndexLeadDto(ObligationAgencyDto Agency, bool Answered);

/// <summary>How long the lists of a completeness answer may grow (the totals always count everything).</summary>
public static class CompletenessLimits
{
    /// <summary>A province has about 150 agencies; agencies past this many (the most complete ones) are counted, not listed.</summary>
    public const int MaxAgencies = 1_000;

    /// <summary>A year of monthly reports under a few plans stays far below this.</summary>
    public const int MaxOutstandingPerAgency = 500;

    /// <summary>An index has one lead per plan that assigns it.</summary>
    public const int MaxLeadsPerIndex = 100;
}
