using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Dti.Api.Observability;

/// <summary>Settings under <c>Logging:Console</c> (the filters under <c>Logging:Console:LogLevel</c> apply as usual).</summary>
public sealed class JsonLinesLogOptions
{
    public const string Section = "Logging:Console";

    /// <summary>Writes the properties of the logging scopes (trace and span ids, the request's path and id) on each line.</summary>
    public bool IncludeScopes { get; set; } = true;

    /// <summary>
    /// Lines waiting for standard output at most; beyond it a line is dropped and counted, and a warning line says how
    /// many were dropped. A request never waits for the console.
    /// </summary>
    public int MaxQueuedLines { get; set; } = 10_000;
}

/// <summary>
/// Logs to standard output as JSON lines, one object per entry: <c>Timestamp</c> (UTC), <c>EventId</c>, <c>LogLevel</c>,
/// <c>Category</c>, <c>Message</c>, <c>State</c> (the message's named values), <c>Scopes</c> (their named values) and
/// <c>Exception</c>. It replaces the framework's console logger, whose queue takes a lock and wakes its writer thread
/// for every line and makes one write to the console per line (9 % of the API's CPU on a busy read path,
/// docs/benchmarks.md): here a caller formats its line and queues it without a lock, and one writer sends whatever
/// has queued, once per <see cref="BatchDelay"/>, in one write.
/// </summary>
[ProviderAlias("Console")]
internal sealed class JsonLinesLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    /// <summary>How long the writer lets lines gather after the first one: the longest a line waits before it is written.</summary>
    public static readonly TimeSpan BatchDelay = TimeSpan.FromMilliseconds(20);

    private const string DroppedCategory = "Dti.Api.Observability.JsonLinesLogger";
    private const int FlushAtBytes = 64 * 1024;
    private static readonly byte NewLine = (byte)'\n';

    [ThreadStatic]
    private static LineWriter? _lineWriter;

    private readonly Channel<byte[]> _lines = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Stream _output;
    private readonly JsonLinesLogOptions _options;
    private readonly Task _writer;
    private IExternalScopeProvider? _scopes;
    private int _queued;
    private long _dropped;

    public JsonLinesLoggerProvider(IOptions<JsonLinesLogOptions> options)
        : this(options.Value, Console.OpenStandardOutput())
    {
    }

    internal JsonLinesLoggerProvider(JsonLinesLogOptions options, Stream output)
    {
        _options = options;
        _output = output;
        _writer = Task.Run(WriteLinesAsync);
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Writes what is queued, then stops; lines logged after this are dropped.</summary>
    public void Dispose()
    {
        _lines.Writer.TryComplete();
        _writer.Wait(TimeSpan.FromSeconds(5));
    }

    private void Enqueue(byte[] line)
    {
        if (Interlocked.Increment(ref _queued) > _options.MaxQueuedLines || !_lines.Writer.TryWrite(line))
        {
            Interlocked.Decrement(ref _queued);
            Interlocked.Increment(ref _dropped);
        }
    }

    private async Task WriteLinesAsync()
    {
        var batch = new ArrayBufferWriter<byte>(FlushAtBytes);
        var reader = _lines.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            await Task.Delay(BatchDelay).ConfigureAwait(false);
            while (reader.TryRead(out var line))
            {
                Interlocked.Decrement(ref _queued);
                batch.Write(line);
                if (batch.WrittenCount >= FlushAtBytes)
                {
                    Flush(batch);
                }
            }

            if (Interlocked.Exchange(ref _dropped, 0) is > 0 and var dropped)
            {
                batch.Write(Format(LogLevel.Warning, DroppedCategory, default, $"{dropped} log lines were dropped: standard output did not keep up.", null, null));
            }

            Flush(batch);
        }
    }

    private void Flush(ArrayBufferWriter<byte> batch)
    {
        try
        {
            _output.Write(batch.WrittenSpan);
            _output.Flush();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // Standard output is closed or broken: logging must not stop the API.
        }

        batch.ResetWrittenCount();
    }

    private byte[] Format<TState>(LogLevel level, string category, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string>? formatter)
    {
        var line = _lineWriter ??= new LineWriter();
        if (line.InUse)
        {
            // A value's ToString logged while this thread's line was being written: that entry gets a writer of its own.
            line = new LineWriter();
        }

        try
        {
            var json = line.Start();
            json.WriteStartObject();
            json.WriteString("Timestamp", DateTimeOffset.UtcNow);
            json.WriteNumber("EventId", eventId.Id);
            json.WriteString("LogLevel", LevelName(level));
            json.WriteString("Category", category);
            json.WriteString("Message", formatter is null ? state?.ToString() : formatter(state, exception));
            if (exception is not null)
            {
                json.WriteString("Exception", exception.ToString());
            }

            if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                json.WritePropertyName("State");
                WriteValues(json, values);
            }

            if (_options.IncludeScopes && _scopes is { } scopes)
            {
                json.WriteStartArray("Scopes");
                scopes.ForEachScope(static (scope, json) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> values)
                    {
                        WriteValues(json, values);
                    }
                    else
                    {
                        json.WriteStringValue(Convert.ToString(scope, CultureInfo.InvariantCulture));
                    }
                }, json);
                json.WriteEndArray();
            }

            json.WriteEndObject();
            return line.Finish();
        }
        finally
        {
            line.Release();
        }
    }

    private static void WriteValues(Utf8JsonWriter json, IEnumerable<KeyValuePair<string, object?>> values)
    {
        json.WriteStartObject();
        foreach (var (name, value) in values)
        {
            json.WritePropertyName(name);
            switch (value)
            {
                case null:
                    json.WriteNullValue();
                    break;
                case string text:
                    json.WriteStringValue(text);
                    break;
                case bool flag:
                    json.WriteBooleanValue(flag);
                    break;
                case int number:
                    json.WriteNumberValue(number);
                    break;
                case long number:
                    json.WriteNumberValue(number);
                    break;
                case double number when double.IsFinite(number):
                    json.WriteNumberValue(number);
                    break;
                case decimal number:
                    json.WriteNumberValue(number);
                    break;
                case IFormattable formattable:
                    json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                    break;
                default:
                    json.WriteStringValue(value.ToString());
                    break;
            }
        }

        json.WriteEndObject();
    }

    private static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => nameof(LogLevel.Trace),
        LogLevel.Debug => nameof(LogLevel.Debug),
        LogLevel.Information => nameof(LogLevel.Information),
        LogLevel.Warning => nameof(LogLevel.Warning),
        LogLevel.Error => nameof(LogLevel.Error),
        LogLevel.Critical => nameof(LogLevel.Critical),
        _ => level.ToString(),
    };

    /// <summary>A thread's reusable buffer and JSON writer for one line.</summary>
    [SuppressMessage("Design", "CA1001", Justification = "One per thread, for the thread's life; a Utf8JsonWriter over an ArrayBufferWriter holds nothing unmanaged.")]
    private sealed class LineWriter
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(1024);
        private readonly Utf8JsonWriter _json;

        public LineWriter() => _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        /// <summary>Between <see cref="Start"/> and <see cref="Finish"/>.</summary>
        public bool InUse { get; private set; }

        public void Release() => InUse = false;

        public Utf8JsonWriter Start()
        {
            InUse = true;
            _buffer.ResetWrittenCount();
            _json.Reset(_buffer);
            return _json;
        }

        public byte[] Finish()
        {
            _json.Flush();
            var line = new byte[_buffer.WrittenCount + 1];
            _buffer.WrittenSpan.CopyTo(line);
            line[^1] = NewLine;
            return line;
        }
    }

    private sealed class Logger(JsonLinesLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes?.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                provider.Enqueue(provider.Format(logLevel, category, eventId, state, exception, formatter));
            }
        }
    }
}

/// <summary>Registers <see cref="JsonLinesLoggerProvider"/> in place of the framework's console logger.</summary>
internal static class JsonLinesLogging
{
    public static IServiceCollection AddJsonLinesConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<JsonLinesLogOptions>()
            .Bind(configuration.GetSection(JsonLinesLogOptions.Section))
            .Validate(o => o.MaxQueuedLines > 0, $"{JsonLinesLogOptions.Section}:MaxQueuedLines must be positive.")
            .ValidateOnStart();
        services.RemoveImplementation<ILoggerProvider>(typeof(ConsoleLoggerProvider));
        services.AddSingleton<ILoggerProvider, JsonLinesLoggerProvider>();
        return services;
    }

    private static void RemoveImplementation<TService>(this IServiceCollection services, Type implementation)
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            if (services[i].ServiceType == typeof(TService) && services[i].ImplementationType == implementation)
            {
                services.RemoveAt(i);
            }
        }
    }
}
