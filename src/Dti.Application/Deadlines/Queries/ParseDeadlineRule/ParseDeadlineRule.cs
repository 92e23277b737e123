using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Validation;
using Dti.Application.Deadlines.Queries.GetDeadlineOccurrences;
using Dti.Domain.Calendar;
using Dti.Domain.Deadlines;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.Extensions.Options;

namespace Dti.Application.Deadlines.Queries.ParseDeadlineRule;

/// <summary>
/// A sentence to read as deadline rules, the name to give them (defaults to the sentence), and the day from which
/// to take the sample period (defaults to today in Asia/Ho_Chi_Minh).
/// </summary>
public sealed record ParseDeadlineRuleInput(string Text, string? Name, DateOnly? SampleFrom = null);

/// <summary>Reads every rule a Vietnamese or English sentence holds, without storing anything.</summary>
public sealed record ParseDeadlineRuleQuery(ParseDeadlineRuleInput Body) : IRequest<ParsedDeadlineTextDto>;

public sealed class ParseDeadlineRuleValidator : AbstractValidator<ParseDeadlineRuleQuery>
{
    public ParseDeadlineRuleValidator() => RuleFor(q => q.Body).NotNull().SetValidator(new ParseDeadlineRuleInputValidator());
}

public sealed class ParseDeadlineRuleInputValidator : AbstractValidator<ParseDeadlineRuleInput>
{
    public ParseDeadlineRuleInputValidator()
    {
        RuleFor(i => i.Text).NotEmpty().SingleLine(DeadlineRuleDefinition.MaxTextLength);
        RuleFor(i => i.Name).SingleLine(DeadlineRule.MaxNameLength);
        RuleFor(i => i.SampleFrom!.Value.Year)
            .InclusiveBetween(WorkingCalendar.MinYear, WorkingCalendar.MaxYear - 2)
            .OverridePropertyName("sampleFrom")
            .When(i => i.SampleFrom is not null);
    }
}

public sealed class ParseDeadlineRuleHandler(
    IApplicationDbContext db, WorkingCalendarSource calendars, TimeProvider clock, IOptions<DeadlineOptions> options, TypeAdapterConfig config)
    : IRequestHandler<ParseDeadlineRuleQuery, ParsedDeadlineTextDto>
{
    /// <summary>Every rule reports at least yearly, so its next deadline lies within two years.</summary>
    private const int SampleYears = 2;

    public async Task<ParsedDeadlineTextDto> Handle(ParseDeadlineRuleQuery request, CancellationToken cancellationToken)
    {
        var body = request.Body;
        var text = DeadlineRuleText.Read(body.Text, string.IsNullOrWhiteSpace(body.Name) ? null : body.Name);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset);
        var from = body.SampleFrom ?? DateOnly.FromDateTime(now.DateTime);
        var parsed = text.Adapt<ParsedDeadlineTextDto>(config);
        return parsed with { Rules = [.. parsed.Rules.Zip(text.Rules, (dto, rule) => dto with { Sample = Sample(rule, from, calendar, now) })] };
    }

    private DeadlineOccurrenceDto? Sample(DeadlineRule rule, DateOnly from, WorkingCalendar calendar, DateTimeOffset now) =>
        DeadlineCalculator.Occurrences(rule, from, from.AddYears(SampleYears), calendar)
            .Select(o => o.Adapt<DeadlineOccurrenceDto>(config) with { Status = ObligationStatuses.Of(o.LastAllowedInstant, now, options.Value.DueSoonWorkingDays, calendar) })
            .FirstOrDefault();
}
