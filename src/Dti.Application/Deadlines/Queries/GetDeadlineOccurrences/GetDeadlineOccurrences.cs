using System.ComponentModel.DataAnnotations;
using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Validation;
using Dti.Domain.Calendar;
using Dti.Domain.Deadlines;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.Extensions.Options;

namespace Dti.Application.Deadlines.Queries.GetDeadlineOccurrences;

/// <summary>Every deadline of a rule whose last allowed day falls in [From, To], with where each stands now.</summary>
public sealed record GetDeadlineOccurrencesQuery(Guid Id, DateOnly From, DateOnly To) : IRequest<DeadlineOccurrencesDto>, IDeadlineRange;

/// <param name="RuleId">The rule's id.</param>
/// <param name="RuleName">The rule's name.</param>
/// <param name="From">First last-allowed day asked about.</param>
/// <param name="To">Last last-allowed day asked about.</param>
/// <param name="AsOf">The moment statuses are computed for, in Asia/Ho_Chi_Minh.</param>
/// <param name="DueSoonWorkingDays">The "due soon" horizon in working days (setting <c>Deadlines:DueSoonWorkingDays</c>).</param>
/// <param name="Occurrences">The deadlines, by last allowed day.</param>
public sealed record DeadlineOccurrencesDto(
    Guid RuleId,
    [property: MaxLength(DeadlineRule.MaxNameLength), RegularExpression(TextRules.SingleLinePattern)] string RuleName,
    DateOnly From,
    DateOnly To,
    DateTimeOffset AsOf,
    [property: Range(0, DeadlineOptions.MaxDueSoonWorkingDays)] int DueSoonWorkingDays,
    [property: MaxLength(DeadlineOccurrencesDto.MaxOccurrences)] IReadOnlyList<DeadlineOccurrenceDto> Occurrences)
{
    /// <summary>A range spans less than <see cref="DeadlineRangeValidator.MaxYears"/> years, and no rule reports more often than monthly.</summary>
    public const int MaxOccurrences = (DeadlineRangeValidator.MaxYears * ReportingPeriod.MostPeriodsPerYear) + 1;
}

/// <param name="PeriodId">The reporting period, e.g. 2026Q1, 2026, 2026M04.</param>
/// <param name="DataWindow">The days whose data the report covers.</param>
/// <param name="NominalDate">The date the rule names, before the boundary and holiday adjustment.</param>
/// <param name="LastAllowedDay">The last day on which the report is on time.</param>
/// <param name="LastAllowedInstant">The last instant on time, +07:00: the rule's time of day on that day, or its end (24:00).</param>
/// <param name="Status">Upcoming, DueSoon or Overdue relative to <c>asOf</c>.</param>
/// <param name="Steps">How the deadline was reached, one line per step.</param>
public sealed record DeadlineOccurrenceDto(
    [property: MaxLength(ReportingPeriod.IdMaxLength), RegularExpression(ReportingPeriod.IdPattern)] string PeriodId,
    DataWindow DataWindow,
    DateOnly NominalDate,
    DateOnly LastAllowedDay,
    DateTimeOffset LastAllowedInstant,
    ObligationStatus Status,
    [property: MaxLength(WorkingCalendar.MaxExplanations), ItemLimits(WorkingCalendar.MaxExplanationLength, TextRules.SingleLinePattern)] IReadOnlyList<string> Steps);

public sealed class GetDeadlineOccurrencesValidator : AbstractValidator<GetDeadlineOccurrencesQuery>
{
    public GetDeadlineOccurrencesValidator() => Include(new DeadlineRangeValidator());
}

public sealed class GetDeadlineOccurrencesHandler(
    IApplicationDbContext db, WorkingCalendarSource calendars, TimeProvider clock, IOptions<DeadlineOptions> options, TypeAdapterConfig config)
    : IRequestHandler<GetDeadlineOccurrencesQuery, DeadlineOccurrencesDto>
{
    public async Task<DeadlineOccurrencesDto> Handle(GetDeadlineOccurrencesQuery request, CancellationToken cancellationToken)
    {
        var definition = await db.GetRuleAsync(request.Id, null, tracked: false, cancellationToken);
        var calendar = await calendars.GetAsync(db, cancellationToken);
        var now = clock.GetUtcNow().ToOffset(DeadlineCalculator.VietnamOffset);
        var horizon = options.Value.DueSoonWorkingDays;
        var occurrences = DeadlineCalculator.Occurrences(definition.ToRule(), request.From, request.To, calendar)
            .Select(o => o.Adapt<DeadlineOccurrenceDto>(config) with { Status = ObligationStatuses.Of(o.LastAllowedInstant, now, horizon, calendar) })
            .ToList();
        return new DeadlineOccurrencesDto(definition.Id, definition.Name, request.From, request.To, now, horizon, occurrences);
    }
}
