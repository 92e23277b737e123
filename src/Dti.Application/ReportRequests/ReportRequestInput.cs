using Dti.Application.Common.Validation;
using Dti.Application.Frameworks;
using Dti.Domain.Frameworks;
using Dti.Domain.Reports;
using FluentValidation;

namespace Dti.Application.ReportRequests;

/// <summary>
/// A request for reports outside the periodic schedule. Give the deadline as <see cref="DueDate"/> or as
/// <see cref="DueWorkingDays"/> counted on the working calendar from <see cref="IssuedOn"/>, exactly one of them.
/// </summary>
/// <param name="IssuerAgencyId">Ad hoc: the coordinating department that issues it (a contribution request's issuer is the lead agency in the path).</param>
/// <param name="Topic">What the reports are about, e.g. the letter's subject.</param>
/// <param name="AssessmentYear">The DTI year the answers belong to.</param>
/// <param name="IssuedOn">The day the request is issued; today (Asia/Ho_Chi_Minh) when left out.</param>
/// <param name="DueDate">The last day to answer.</param>
/// <param name="DueWorkingDays">Or: N working days from the issue day.</param>
/// <param name="AskedAgencyIds">The agencies asked, in order.</param>
/// <param name="AskedIndexCodes">The indices their answers cover, in order.</param>
/// <param name="IsSample">Illustrative data, not a real request.</param>
public sealed record ReportRequestInput(
    Guid? IssuerAgencyId,
    string Topic,
    int AssessmentYear,
    DateOnly? IssuedOn,
    DateOnly? DueDate,
    int? DueWorkingDays,
    IReadOnlyList<Guid>? AskedAgencyIds,
    IReadOnlyList<string>? AskedIndexCodes,
    bool IsSample = false);

public sealed class ReportRequestInputValidator : AbstractValidator<ReportRequestInput>
{
    public ReportRequestInputValidator()
    {
        RuleFor(r => r.Topic).NotEmpty().SingleLine(ReportLimits.TopicMaxLength);
        RuleFor(r => r.AssessmentYear).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(r => r.DueWorkingDays).InclusiveBetween(1, ReportLimits.MaxDueWorkingDays);
        RuleFor(r => r.DueDate).NotNull().When(r => r.DueWorkingDays is null)
            .WithMessage("Give the deadline: 'dueDate', or 'dueWorkingDays' counted from the issue day.");
        RuleFor(r => r.DueDate).Null().When(r => r.DueWorkingDays is not null)
            .WithMessage("Give either 'dueDate' or 'dueWorkingDays', not both.");
        RuleFor(r => r.AskedAgencyIds).NotEmpty().MaxItems(ReportLimits.MaxAskedAgencies);
        RuleForEach(r => r.AskedAgencyIds).NotEmpty();
        RuleFor(r => r.AskedIndexCodes).NotEmpty().MaxItems(ReportLimits.MaxAskedIndices);
        RuleForEach(r => r.AskedIndexCodes).NoNullItems().NotEmpty().IndexCode();
    }
}
