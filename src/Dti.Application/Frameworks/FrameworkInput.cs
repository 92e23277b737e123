using Dti.Application.Common.Validation;
using Dti.Domain.Frameworks;
using FluentValidation;

namespace Dti.Application.Frameworks;

/// <summary>The body that imports or redefines a draft framework. Component indices are listed flat and name their main index.</summary>
public sealed record FrameworkInput(
    string Code,
    string DecisionNumber,
    string IssuingMinistry,
    DateOnly IssueDate,
    int FirstAssessmentYear,
    int? LastAssessmentYear,
    string TitleVi,
    string? TitleEn,
    IReadOnlyList<PillarInput>? Pillars,
    IReadOnlyList<MainIndexInput>? MainIndices,
    IReadOnlyList<ComponentIndexInput>? ComponentIndices)
{
    public FrameworkSpec ToSpec() => new(
        Code,
        DecisionNumber,
        IssuingMinistry,
        IssueDate,
        FirstAssessmentYear,
        LastAssessmentYear,
        TitleVi,
        TitleEn,
        [.. (Pillars ?? []).Select(p => new PillarSpec(p.Code, p.Order, p.NameVi, p.NameEn))],
        [.. (MainIndices ?? []).Select(m => new MainIndexSpec(m.Code, m.Order, m.NameVi, m.NameEn, m.MaxPoints, m.IsScored ?? true, m.Group, m.PillarCode))],
        [.. (ComponentIndices ?? []).Select(c => c.ToSpec())]);
}

public sealed record PillarInput(string Code, int Order, string NameVi, string? NameEn);

public sealed record MainIndexInput(
    string Code,
    int Order,
    string NameVi,
    string? NameEn,
    decimal? MaxPoints,
    bool? IsScored,
    IndexGroup Group,
    string? PillarCode);

public sealed record ComponentIndexInput(
    string Code,
    string MainIndexCode,
    int Order,
    string NameVi,
    string? NameEn,
    decimal? MaxPoints,
    MeasureType MeasureType,
    string? Unit,
    bool EvidenceRequired,
    string? DataSource,
    bool IsSample)
{
    public ComponentIndexSpec ToSpec() =>
        new(Code, MainIndexCode, Order, NameVi, NameEn, MaxPoints, MeasureType, Unit, EvidenceRequired, DataSource, IsSample);
}

public sealed class FrameworkInputValidator : AbstractValidator<FrameworkInput>
{
    public FrameworkInputValidator()
    {
        RuleFor(f => f.Code).NotEmpty().MaximumLength(FrameworkLimits.CodeMaxLength)
            .Matches(FrameworkLimits.CodePattern).WithMessage("'code' may contain only upper-case letters, digits and hyphens (e.g. QD-922-2022).");
        RuleFor(f => f.DecisionNumber).NotEmpty().MaximumLength(FrameworkLimits.DecisionNumberMaxLength);
        RuleFor(f => f.IssuingMinistry).NotEmpty().MaximumLength(FrameworkLimits.MinistryMaxLength);
        RuleFor(f => f.IssueDate).NotEmpty();
        RuleFor(f => f.TitleVi).NotEmpty().MaximumLength(FrameworkLimits.TitleMaxLength);
        RuleFor(f => f.TitleEn).MaximumLength(FrameworkLimits.TitleMaxLength);
        RuleFor(f => f.FirstAssessmentYear).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(f => f.LastAssessmentYear)
            .GreaterThanOrEqualTo(f => f.FirstAssessmentYear).WithMessage("'lastAssessmentYear' must not be before 'firstAssessmentYear'.")
            .LessThanOrEqualTo(FrameworkLimits.LastSupportedYear)
            .When(f => f.LastAssessmentYear is not null);
        RuleFor(f => f.Pillars).Must(p => p is null || p.Count <= FrameworkLimits.MaxPillars)
            .WithMessage($"At most {FrameworkLimits.MaxPillars} pillars.");
        RuleFor(f => f.MainIndices).Must(m => m is null || m.Count <= FrameworkLimits.MaxMainIndices)
            .WithMessage($"At most {FrameworkLimits.MaxMainIndices} main indices.");
        RuleFor(f => f.ComponentIndices).Must(c => c is null || c.Count <= FrameworkLimits.MaxComponentIndices)
            .WithMessage($"At most {FrameworkLimits.MaxComponentIndices} component indices.");
        RuleForEach(f => f.Pillars).NoNullItems().ChildRules(p =>
        {
            p.RuleFor(x => x.Code).NotEmpty().MaximumLength(FrameworkLimits.IndexCodeMaxLength).Matches(FrameworkLimits.IndexCodePattern);
            p.RuleFor(x => x.Order).GreaterThanOrEqualTo(0);
            p.RuleFor(x => x.NameVi).NotEmpty().MaximumLength(FrameworkLimits.NameMaxLength);
            p.RuleFor(x => x.NameEn).MaximumLength(FrameworkLimits.NameMaxLength);
        });
        RuleForEach(f => f.MainIndices).NoNullItems().ChildRules(m =>
        {
            m.RuleFor(x => x.Code).NotEmpty().MaximumLength(FrameworkLimits.IndexCodeMaxLength).Matches(FrameworkLimits.IndexCodePattern);
            m.RuleFor(x => x.Order).GreaterThanOrEqualTo(0);
            m.RuleFor(x => x.NameVi).NotEmpty().MaximumLength(FrameworkLimits.NameMaxLength);
            m.RuleFor(x => x.NameEn).MaximumLength(FrameworkLimits.NameMaxLength);
            m.RuleFor(x => x.MaxPoints).InclusiveBetween(0, FrameworkLimits.MaxIndexPoints).When(x => x.MaxPoints is not null);
            m.RuleFor(x => x.Group).IsInEnum();
            m.RuleFor(x => x.PillarCode).MaximumLength(FrameworkLimits.IndexCodeMaxLength);
        });
        RuleForEach(f => f.ComponentIndices).NoNullItems().SetValidator(new ComponentIndexInputValidator());
    }
}

public sealed class ComponentIndexInputValidator : AbstractValidator<ComponentIndexInput>
{
    public ComponentIndexInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().MaximumLength(FrameworkLimits.IndexCodeMaxLength).Matches(FrameworkLimits.IndexCodePattern);
        RuleFor(x => x.MainIndexCode).NotEmpty().MaximumLength(FrameworkLimits.IndexCodeMaxLength);
        RuleFor(x => x.Order).GreaterThanOrEqualTo(0);
        RuleFor(x => x.NameVi).NotEmpty().MaximumLength(FrameworkLimits.NameMaxLength);
        RuleFor(x => x.NameEn).MaximumLength(FrameworkLimits.NameMaxLength);
        RuleFor(x => x.MaxPoints).InclusiveBetween(0, FrameworkLimits.MaxIndexPoints).When(x => x.MaxPoints is not null);
        RuleFor(x => x.MeasureType).IsInEnum();
        RuleFor(x => x.Unit).MaximumLength(FrameworkLimits.UnitMaxLength);
        RuleFor(x => x.DataSource).MaximumLength(FrameworkLimits.DataSourceMaxLength);
    }
}
