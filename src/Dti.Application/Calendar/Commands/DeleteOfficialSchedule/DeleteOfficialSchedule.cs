using Dti.Application.Common.Interfaces;
using FluentValidation;
using MediatR;

namespace Dti.Application.Calendar.Commands.DeleteOfficialSchedule;

/// <summary>Removes a year's official schedule, so the year falls back to the computed Labour Code calendar.</summary>
public sealed record DeleteOfficialScheduleCommand(int Year, int? ExpectedVersion) : IRequest<Unit>;

public sealed class DeleteOfficialScheduleValidator : AbstractValidator<DeleteOfficialScheduleCommand>
{
    public DeleteOfficialScheduleValidator() => RuleFor(c => c.Year).WithinCalendar();
}

public sealed class DeleteOfficialScheduleHandler(IApplicationDbContext db) : IRequestHandler<DeleteOfficialScheduleCommand, Unit>
{
    public async Task<Unit> Handle(DeleteOfficialScheduleCommand request, CancellationToken cancellationToken)
    {
        var schedule = await db.GetForUpdateAsync(request.Year, request.ExpectedVersion, cancellationToken);
        schedule.Delete();
        db.OfficialSchedules.Remove(schedule);
        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
