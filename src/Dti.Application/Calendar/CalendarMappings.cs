using Dti.Application.Calendar.Queries.GetHolidays;
using Dti.Application.Common.Mapping;
using Dti.Domain.Calendar;
using Mapster;

namespace Dti.Application.Calendar;

/// <summary>
/// How official schedules (their days by date) and holidays become DTOs. The other calendar answers — a day, a year's
/// working weekends — are computed by the working calendar, not read from an entity.
/// </summary>
public sealed class CalendarMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<OfficialSchedule, OfficialScheduleDto>()
            .Map(d => d.Entries, s => s.Days.OrderBy(day => day.Date));
        config.NewVersionedConfig<OfficialSchedule, OfficialScheduleDto>();
        config.NewConfig<OfficialScheduleDay, OfficialScheduleEntryDto>();
        config.NewConfig<Holiday, HolidayDto>();
    }
}
