using Dti.Application.Common.Events;
using Dti.Domain.Calendar;
using MediatR;

namespace Dti.Application.Calendar.Events;

/// <summary>
/// Drops this instance's cached working calendar when a schedule changes. Only one instance handles each event;
/// the others notice the change by the stamp <see cref="WorkingCalendarSource"/> checks on every use.
/// </summary>
public sealed class DropCachedCalendar(WorkingCalendarSource calendars)
    : INotificationHandler<DomainEventNotification<OfficialScheduleReplaced>>, INotificationHandler<DomainEventNotification<OfficialScheduleDeleted>>
{
    public Task Handle(DomainEventNotification<OfficialScheduleReplaced> notification, CancellationToken cancellationToken)
    {
        calendars.Invalidate();
        return Task.CompletedTask;
    }

    public Task Handle(DomainEventNotification<OfficialScheduleDeleted> notification, CancellationToken cancellationToken)
    {
        calendars.Invalidate();
        return Task.CompletedTask;
    }
}
