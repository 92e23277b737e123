using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Application.Common.Validation;
using Dti.Domain.Calendar;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Calendar.Commands.ReplaceOfficialSchedule;

/// <summary>The complete list of a year's special days.</summary>
public sealed record OfficialScheduleInput(IReadOnlyList<OfficialScheduleEntryInput> Entries);

/// <param name="Date">The day concerned; it must lie in the schedule's year.</param>
/// <param name="Kind">DayOff (the default), or WorkingDay for a weekend day swapped into a working day.</param>
/// <param name="Reason">Why, in the words of the schedule, e.g. "Tết Nguyên đán Bính Ngọ".</param>
public sealed record OfficialScheduleEntryInput(DateOnly? Date, ScheduleDayKind Kind, string Reason);

/// <summary>
/// Creates or replaces a year's official schedule. <paramref name="ExpectedVersion"/> comes from If-Match; null means the
/// caller sent <c>If-None-Match: *</c> (create only), the API refusing a request with neither (428).
/// </summary>
public sealed record ReplaceOfficialScheduleCommand(int Year, OfficialScheduleInput Body, int? ExpectedVersion) : IRequest<Versioned<OfficialScheduleDto>>;

public sealed class ReplaceOfficialScheduleValidator : AbstractValidator<ReplaceOfficialScheduleCommand>
{
    public ReplaceOfficialScheduleValidator()
    {
        RuleFor(c => c.Year).WithinCalendar();
        RuleFor(c => c.Body).NotNull().SetValidator(new OfficialScheduleInputValidator());
    }
}

public sealed class OfficialScheduleInputValidator : AbstractValidator<OfficialScheduleInput>
{
    public OfficialScheduleInputValidator()
    {
        RuleFor(s => s.Entries).NotNull().MaxItems(OfficialSchedule.MaxEntries).WithMessage($"A year has at most {OfficialSchedule.MaxEntries} days.");
        RuleForEach(s => s.Entries).NoNullItems().SetValidator(new OfficialScheduleEntryInputValidator());
    }
}

public sealed class OfficialScheduleEntryInputValidator : AbstractValidator<OfficialScheduleEntryInput>
{
    public OfficialScheduleEntryInputValidator()
    {
        RuleFor(e => e.Date).NotNull();
        RuleFor(e => e.Kind).IsDefinedEnum();
        RuleFor(e => e.Reason).NotEmpty().SingleLine(OfficialSchedule.MaxReasonLength);
    }
}

public sealed class ReplaceOfficialScheduleHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config)
    : IRequestHandler<ReplaceOfficialScheduleCommand, Versioned<OfficialScheduleDto>>
{
    public async Task<Versioned<OfficialScheduleDto>> Handle(ReplaceOfficialScheduleCommand request, CancellationToken cancellationToken)
    {
        var entries = request.Body.Entries.Select(e => new OfficialScheduleEntry(e.Date!.Value, e.Kind, e.Reason)).ToList();
        var now = clock.GetUtcNow();
        OfficialSchedule schedule;
        var creating = !await db.OfficialSchedules.AnyAsync(s => s.Year == request.Year, cancellationToken);
        if (!creating)
        {
            schedule = await db.GetForUpdateAsync(request.Year, request.ExpectedVersion, cancellationToken);
            if (request.ExpectedVersion is null)
            {
                // The caller asked to create (If-None-Match: *), but a schedule exists: replacing it needs its ETag.
                throw new PreconditionFailedException("Official schedule", request.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), schedule.Version);
            }

            schedule.Replace(entries, now);
        }
        else
        {
            if (request.ExpectedVersion is not null)
            {
                throw new PreconditionFailedException("Official schedule", request.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), 0);
            }

            schedule = OfficialSchedule.Create(request.Year, entries, now);
            db.OfficialSchedules.Add(schedule);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (creating)
        {
            // Another request may have created the year's schedule between our check and our insert: then "only if none
            // exists" failed (412); anything else is not ours to explain.
            if (await db.OfficialSchedules.AsNoTracking().AnyAsync(s => s.Year == request.Year, cancellationToken))
            {
                throw new PreconditionFailedException("Official schedule", request.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), 1);
            }

            throw;
        }

        return schedule.Adapt<Versioned<OfficialScheduleDto>>(config);
    }
}
