using Dti.Domain.Calendar;
using Dti.Domain.Common;

namespace Dti.Domain.Tests.Calendar;

public class OfficialScheduleTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;

    private static OfficialScheduleEntry Off(int month, int day, string reason) => new(new DateOnly(2026, month, day), ScheduleDayKind.DayOff, reason);

    [Test]
    public void CreatingReplacingAndDeletingAScheduleAreEvents()
    {
        var schedule = OfficialSchedule.Create(2026, [Off(1, 1, "Tết Dương lịch")], Now);

        schedule.Replace([Off(1, 1, "Tết Dương lịch"), Off(4, 30, "Ngày Chiến thắng")], Now);
        schedule.Delete();

        Assert.That(schedule.DomainEvents, Is.EqualTo(new IDomainEvent[]
        {
            new OfficialScheduleReplaced(schedule.Id, 2026, 1, 1),
            new OfficialScheduleReplaced(schedule.Id, 2026, 2, 2),
            new OfficialScheduleDeleted(schedule.Id, 2026),
        }));
    }

    [Test]
    public void ARefusedReplacementRecordsNoEvent()
    {
        var schedule = OfficialSchedule.Create(2026, [Off(1, 1, "Tết Dương lịch")], Now);
        schedule.ClearDomainEvents();

        Assert.Throws<DomainException>(() => schedule.Replace([new(new DateOnly(2027, 1, 1), ScheduleDayKind.DayOff, "Tết Dương lịch")], Now));

        Assert.That(schedule.DomainEvents, Is.Empty);
    }
}
