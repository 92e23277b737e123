using System.Data.Common;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dti.Infrastructure.Persistence.Metrics;

/// <summary>
/// Database time as a metric: every command EF executes is recorded in the histogram <c>dti.db.command.duration</c>
/// (seconds) of meter <see cref="MeterName"/>, tagged with the kind of command. Recording costs nothing until a listener
/// (the OpenTelemetry exporter behind <c>Metrics:Enabled</c>) subscribes.
/// </summary>
public sealed class DatabaseTime : DbCommandInterceptor
{
    public const string MeterName = "Dti.Database";

    private readonly Histogram<double> _duration;

    public DatabaseTime(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        // In seconds, so the default buckets (meant for milliseconds) would put every command in the first; these follow
        // ASP.NET Core's request-duration buckets, a step finer at the low end.
        _duration = meters.Create(MeterName).CreateHistogram(
            "dti.db.command.duration",
            "s",
            "Time spent executing database commands.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Record(eventData, "reader", result);

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(eventData, "reader", result));

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Record(eventData, "non-query", result);

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(eventData, "non-query", result));

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) =>
        Record(eventData, "scalar", result);

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(eventData, "scalar", result));

    private T Record<T>(CommandExecutedEventData eventData, string kind, T result)
    {
        _duration.Record(eventData.Duration.TotalSeconds, new KeyValuePair<string, object?>("db.command.kind", kind));
        return result;
    }
}
