using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Application.Reports;
using Dti.Domain.Frameworks;
using Dti.Domain.Reports;

namespace Dti.Application.ReportRequests;

/// <summary>
/// A request and where its answers stand: one answer per agency asked, in the order asked, with its report once the
/// agency has started one.
/// </summary>
/// <param name="Id">The request's id.</param>
/// <param name="Kind">AdHoc (the coordinator asks agencies) or Contribution (a lead asks its cooperating agencies).</param>
/// <param name="IssuerAgencyId">The coordinating department, or the lead agency.</param>
/// <param name="Topic">What the reports are about.</param>
/// <param name="AssessmentYear">The DTI year the answers belong to.</param>
/// <param name="IssuedOn">The day it was issued.</param>
/// <param name="DueDate">The last day to answer (computed when the request gave working days).</param>
/// <param name="DueWorkingDays">The working days the request gave, if it gave them.</param>
/// <param name="LastAllowedInstant">The end of the due day in Asia/Ho_Chi_Minh (+07:00): answers submitted by then are on time.</param>
/// <param name="AskedIndexCodes">The indices asked, in order.</param>
/// <param name="Answers">One per agency asked, in order.</param>
/// <param name="IsSample">Illustrative data.</param>
/// <param name="CreatedAt">When it was recorded.</param>
[LimitsOf(typeof(ReportRequestInput))]
public sealed record ReportRequestDto(
    Guid Id,
    ReportRequestKind Kind,
    Guid IssuerAgencyId,
    string Topic,
    int AssessmentYear,
    DateOnly IssuedOn,
    DateOnly DueDate,
    int? DueWorkingDays,
    DateTimeOffset LastAllowedInstant,
    IReadOnlyList<string> AskedIndexCodes,
    [property: MaxLength(ReportLimits.MaxAskedAgencies)] IReadOnlyList<ReportRequestAnswerDto> Answers,
    bool IsSample,
    DateTimeOffset CreatedAt);

/// <summary>An agency asked, and its answer so far (report fields are null until it starts one).</summary>
/// <param name="AgencyId">The agency asked.</param>
/// <param name="ReportId">Its report answering the request.</param>
/// <param name="State">Where that report stands.</param>
/// <param name="SubmittedAt">When the submission that counts came.</param>
/// <param name="Timeliness">Whether it came on time.</param>
/// <param name="WorkingDaysLate">By how many working days it was late.</param>
/// <param name="AcceptedVersionNumber">Its last accepted version.</param>
public sealed record ReportRequestAnswerDto(
    Guid AgencyId,
    Guid? ReportId,
    ReportState? State,
    DateTimeOffset? SubmittedAt,
    ReportTimeliness? Timeliness,
    [property: Range(0, ReportDtoLimits.MaxWorkingDaysLate)] int? WorkingDaysLate,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int? AcceptedVersionNumber);

/// <summary>
/// A contribution made to a lead agency, with the values of its latest submitted version (awaiting review or accepted; not
/// withdrawn or returned) that the lead may take into its own report, citing <c>reportId</c> and <c>versionNumber</c> as an
/// entry's source.
/// </summary>
/// <param name="ReportId">The contribution report.</param>
/// <param name="ReportRequestId">The lead's request it answers.</param>
/// <param name="AgencyId">The contributing (cooperating) agency.</param>
/// <param name="AssessmentYear">The DTI year.</param>
/// <param name="State">Where the contribution stands.</param>
/// <param name="SubmittedAt">When the submission that counts came.</param>
/// <param name="Timeliness">Whether it came on time.</param>
/// <param name="VersionNumber">The version the values come from; null (and no values) until one is submitted.</param>
/// <param name="Entries">That version's entries, in index-code order.</param>
public sealed record ContributionDto(
    Guid ReportId,
    Guid ReportRequestId,
    Guid AgencyId,
    [property: Range(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear)] int AssessmentYear,
    ReportState State,
    DateTimeOffset? SubmittedAt,
    ReportTimeliness? Timeliness,
    [property: Range(1, ReportDtoLimits.MaxNumber)] int? VersionNumber,
    [property: MaxLength(ReportLimits.MaxEntries)] IReadOnlyList<ReportEntryDto> Entries);
