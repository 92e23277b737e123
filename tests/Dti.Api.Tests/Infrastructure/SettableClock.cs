namespace Dti.Api.Tests.Infrastructure;

/// <summary>A clock a test sets to the instant it needs ("submitted at 23:30 on the last allowed day"); timers stay the system's.</summary>
public sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    private long _ticks = now.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;
}
