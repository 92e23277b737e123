using Dti.Domain.Common;

namespace Dti.Domain.Calendar;

/// <summary>A year's official schedule was created or replaced; working days of <paramref name="Year"/> may have changed.</summary>
public sealed record OfficialScheduleReplaced(Guid ScheduleId, int Year, int Version, int DayCount) : IDomainEvent;

/// <summary>A year's official schedule was deleted; <paramref name="Year"/> falls back to the computed Labour Code calendar.</summary>
public sealed record OfficialScheduleDeleted(Guid ScheduleId, int Year) : IDomainEvent;
