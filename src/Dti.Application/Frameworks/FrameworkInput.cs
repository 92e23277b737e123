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
        RuleFor(f => f.Code).FrameworkCode();
        RuleFor(f => f.DecisionNumber).NotEmpty().SingleLine(FrameworkLimits.DecisionNumberMaxLength);
        RuleFor(f => f.IssuingMinistry).NotEmpty().SingleLine(FrameworkLimits.MinistryMaxLength);
        RuleFor(f => f.IssueDate).NotEmpty();
        RuleFor(f => f.TitleVi).NotEmpty().SingleLine(FrameworkLimits.TitleMaxLength);
        RuleFor(f => f.TitleEn).SingleLine(FrameworkLimits.TitleMaxLength);
        RuleFor(f => f.FirstAssessmentYear).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(f => f.LastAssessmentYear).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(f => f.LastAssessmentYear)
            .GreaterThanOrEqualTo(f => f.FirstAssessmentYear).WithMessage("'lastAssessmentYear' must not be before 'firstAssessmentYear'.")
            .When(f => f.LastAssessmentYear is not null);
        RuleFor(f => f.Pillars).MaxItems(FrameworkLimits.MaxPillars)
            .WithMessage($"At most {FrameworkLimits.MaxPillars} pillars.");
        RuleFor(f => f.MainIndices).MaxItems(FrameworkLimits.MaxMainIndices)
            .WithMessage($"At most {FrameworkLimits.MaxMainIndices} main indices.");
        RuleFor(f => f.ComponentIndices).MaxItems(FrameworkLimits.MaxComponentIndices)
            .WithMessage($"At most {FrameworkLimits.MaxComponentIndices} component indices.");
        RuleForEach(f => f.Pillars).NoNullItems().SetValidator(new PillarInputValidator());
        RuleForEach(f => f.MainIndices).NoNullItems().SetValidator(new MainIndexInputValidator());
        RuleForEach(f => f.ComponentIndices).NoNullItems().SetValidator(new ComponentIndexInputValidator());
    }
}

public sealed class PillarInputValidator : AbstractValidator<PillarInput>
{
    public PillarInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().IndexCode();
        RuleFor(x => x.Order).InclusiveBetween(0, FrameworkLimits.MaxOrder);
        RuleFor(x => x.NameVi).NotEmpty().SingleLine(FrameworkLimits.NameMaxLength);
        RuleFor(x => x.NameEn).SingleLine(FrameworkLimits.NameMaxLength);
    }
}

public sealed class MainIndexInputValidator : AbstractValidator<MainIndexInput>
{
    public MainIndexInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().IndexCode();
        RuleFor(x => x.Order).InclusiveBetween(0, FrameworkLimits.MaxOrder);
        RuleFor(x => x.NameVi).NotEmpty().SingleLine(FrameworkLimits.NameMaxLength);
        RuleFor(x => x.NameEn).SingleLine(FrameworkLimits.NameMaxLength);
        RuleFor(x => x.MaxPoints).InclusiveBetween(0, FrameworkLimits.MaxIndexPoints);
        RuleFor(x => x.Group).IsDefinedEnum();
        RuleFor(x => x.PillarCode).IndexCode();
    }
}

public sealed class ComponentIndexInputValidator : AbstractValidator<ComponentIndexInput>
{
    public ComponentIndexInputValidator()
    {
        RuleFor(x => x.Code).NotEmpty().IndexCode();
        RuleFor(x => x.MainIndexCode).NotEmpty().IndexCode();
        RuleFor(x => x.Order).InclusiveBetween(0, FrameworkLimits.MaxOrder);
        RuleFor(x => x.NameVi).NotEmpty().SingleLine(FrameworkLimits.NameMaxLength);
        RuleFor(x => x.NameEn).SingleLine(FrameworkLimits.NameMaxLength);
        RuleFor(x => x.MaxPoints).InclusiveBetween(0, FrameworkLimits.MaxIndexPoints);
        RuleFor(x => x.MeasureType).IsDefinedEnum();
        RuleFor(x => x.Unit).SingleLine(FrameworkLimits.UnitMaxLength);
        RuleFor(x => x.DataSource).SingleLine(FrameworkLimits.DataSourceMaxLength);
    }
}
