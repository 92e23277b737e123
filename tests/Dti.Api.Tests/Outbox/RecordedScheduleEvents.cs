using System.Collections.Concurrent;
using Dti.Application.Common.Events;
using Dti.Domain.Calendar;
using Dti.Infrastructure.Outbox;
using MediatR;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Outbox;

/// <summary>
/// What the test's own handler of <see cref="OfficialScheduleReplaced"/> saw: every delivery, in order, including
/// the ones it was told to fail (<see cref="FailNext"/>).
/// </summary>
public sealed class RecordedScheduleEvents
{
    public const string FailureMessage = "The test's handler failed on purpose.";

    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private int _failuresLeft;

    public IReadOnlyList<Delivery> Deliveries => [.. _deliveries];

    /// <summary>The deliveries that were handled, not failed.</summary>
    public IReadOnlyList<Delivery> Handled => [.. _deliveries.Where(d => !d.Failed)];

    /// <summary>Makes the next <paramref name="times"/> deliveries throw.</summary>
    public void FailNext(int times) => Interlocked.Exchange(ref _failuresLeft, times);

    public void Clear()
    {
        _deliveries.Clear();
        FailNext(0);
    }

    internal void Receive(DomainEventNotification<OfficialScheduleReplaced> notification)
    {
        var fail = Interlocked.Decrement(ref _failuresLeft) >= 0;
        _deliveries.Enqueue(new Delivery(notification.MessageId, notification.Event.Year, fail));
        if (fail)
        {
            throw new InvalidOperationException(FailureMessage);
        }
    }

    public sealed record Delivery(Guid MessageId, int Year, bool Failed);
}

/// <summary>A notification handler the application finds like any other, registered by the tests.</summary>
public sealed class RecordingScheduleHandler(RecordedScheduleEvents recorded) : INotificationHandler<DomainEventNotification<OfficialScheduleReplaced>>
{
    public Task Handle(DomainEventNotification<OfficialScheduleReplaced> notification, CancellationToken cancellationToken)
    {
        recorded.Receive(notification);
        return Task.CompletedTask;
    }
}

/// <summary>The system clock moved on by a settable amount, so a test can let a back-off pass without waiting.</summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _shiftTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _shiftTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);
}

/// <summary>Application instances for the outbox tests.</summary>
public static class RecordingInstances
{
    /// <summary>Another instance of <paramref name="app"/> (own host and services, same database) whose events also reach <paramref name="recorded"/>.</summary>
    public static WebApplicationFactory<Program> WithRecordedScheduleEvents(this WebApplicationFactory<Program> app, RecordedScheduleEvents recorded, TimeProvider? clock = null) =>
        app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(recorded);
            services.AddTransient<INotificationHandler<DomainEventNotification<OfficialScheduleReplaced>>, RecordingScheduleHandler>();
            if (clock is not null)
            {
                services.AddSingleton(clock);
            }
        }));

    public static OutboxDispatcher Dispatcher(this WebApplicationFactory<Program> app) => app.Services.GetRequiredService<OutboxDispatcher>();

    /// <summary>Runs passes until one finds nothing due.</summary>
    public static async Task DispatchAllAsync(this OutboxDispatcher dispatcher)
    {
        while (await dispatcher.DispatchOnceAsync(CancellationToken.None) > 0)
        {
        }
    }
}
