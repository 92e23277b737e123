namespace Dti.Domain.Common;

/// <summary>Today's date in Asia/Ho_Chi_Minh (UTC+07:00 all year), the date every "today" rule uses.</summary>
public static class VietnamClock
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
