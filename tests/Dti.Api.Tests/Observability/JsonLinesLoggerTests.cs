using System.Text;
using System.Text.Json;
using Dti.Api.Observability;
using Microsoft.Extensions.Logging;

namespace Dti.Api.Tests.Observability;

/// <summary>
/// The console log an operator reads or ships: one JSON object per line, with the message's named values and the scopes'
/// (trace id, request path), Vietnamese readable as written, and a request never waiting for a slow standard output —
/// what cannot be queued is dropped and counted, never lost silently.
/// </summary>
public sealed class JsonLinesLoggerTests
{
    [Test]
    public void EachEntryIsOneJsonLineWithItsValuesScopesAndReadableVietnamese()
    {
        var output = new MemoryStream();
        using (var provider = new JsonLinesLoggerProvider(new JsonLinesLogOptions(), output))
        using (var factory = LoggerFactory.Create(logging => logging.AddProvider(provider)))
        {
            var logger = factory.CreateLogger("Dti.Tests.Plans");
            using (logger.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = "/api/v1/plans", ["TraceId"] = "4bf92f3577b34da6a3ce929d0e0e4736" }))
            {
                logger.LogInformation("Plan {PlanNumber} issued by {Agency} with {Tasks} tasks", "170/KH-UBND", "Ủy ban nhân dân thành phố Cần Thơ", 42);
            }

            logger.LogWarning(new InvalidOperationException("boom"), "Second entry");
        }

        var text = Encoding.UTF8.GetString(output.ToArray());
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), text);
        Assert.That(text, Does.Contain("Ủy ban nhân dân thành phố Cần Thơ"), "Vietnamese is written as UTF-8, not as \\u escapes");

        using var first = JsonDocument.Parse(lines[0]);
        var root = first.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("LogLevel").GetString(), Is.EqualTo("Information"));
            Assert.That(root.GetProperty("Category").GetString(), Is.EqualTo("Dti.Tests.Plans"));
            Assert.That(root.GetProperty("Message").GetString(), Is.EqualTo("Plan 170/KH-UBND issued by Ủy ban nhân dân thành phố Cần Thơ with 42 tasks"));
            Assert.That(root.GetProperty("State").GetProperty("Tasks").GetInt32(), Is.EqualTo(42));
            Assert.That(root.GetProperty("State").GetProperty("PlanNumber").GetString(), Is.EqualTo("170/KH-UBND"));
            Assert.That(root.GetProperty("Scopes")[0].GetProperty("TraceId").GetString(), Is.EqualTo("4bf92f3577b34da6a3ce929d0e0e4736"));
            Assert.That(root.GetProperty("Timestamp").GetDateTimeOffset().Offset, Is.EqualTo(TimeSpan.Zero), "UTC");
        });

        using var second = JsonDocument.Parse(lines[1]);
        Assert.That(second.RootElement.GetProperty("Exception").GetString(), Does.StartWith("System.InvalidOperationException: boom"));
        Assert.That(second.RootElement.GetProperty("Scopes").GetArrayLength(), Is.Zero, "the scope ended with the first entry");
    }

    [Test]
    public void WhenStandardOutputStallsLoggingDoesNotWaitAndEveryDroppedLineIsCounted()
    {
        const int queued = 50;
        const int logged = 500;
        var output = new StallingStream();
        var provider = new JsonLinesLoggerProvider(new JsonLinesLogOptions { MaxQueuedLines = queued }, output);
        var logger = provider.CreateLogger("Dti.Tests.Stall");

        logger.LogInformation("Entry {Number}", 0);
        Assert.That(output.FirstWriteStarted.Wait(TimeSpan.FromSeconds(10)), Is.True, "the writer is stuck in its first write");
        for (var number = 1; number < logged; number++)
        {
            logger.LogInformation("Entry {Number}", number);
        }

        output.Release();
        provider.Dispose();

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var entries = lines.Where(line => line.GetProperty("Category").GetString() == "Dti.Tests.Stall").ToList();
        var warnings = lines.Where(line => line.GetProperty("Category").GetString() == "Dti.Api.Observability.JsonLinesLogger").ToList();
        var dropped = warnings.Sum(line => int.Parse(line.GetProperty("Message").GetString()!.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(entries, Has.Count.InRange(queued, queued + 1), "what was queued while the output stalled is written");
        Assert.That(warnings, Is.Not.Empty, "the drop is reported");
        Assert.That(warnings[0].GetProperty("LogLevel").GetString(), Is.EqualTo("Warning"));
        Assert.That(entries.Count + dropped, Is.EqualTo(logged), "every line is either written or counted as dropped");
        Assert.That(entries.Select(e => e.GetProperty("State").GetProperty("Number").GetInt32()), Is.Ordered, "in the order logged");
    }

    [Test]
    public void AValueThatLogsWhileItsLineIsWrittenLeavesBothLinesWhole()
    {
        var output = new MemoryStream();
        using (var provider = new JsonLinesLoggerProvider(new JsonLinesLogOptions(), output))
        {
            var logger = provider.CreateLogger("Dti.Tests.Nested");
            logger.LogInformation("Outer {Value} done", new LoggingValue(logger));
        }

        var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var messages = lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("Message").GetString()).ToList();
        Assert.That(messages, Has.Member("Outer value done").And.Member("Inner"), string.Join('\n', lines));
        Assert.That(messages.Where(m => m != "Inner"), Is.EqualTo(new[] { "Outer value done" }), "the inner entries are lines of their own");
    }

    /// <summary>A value whose text logs, as a careless ToString might.</summary>
    private sealed class LoggingValue(ILogger logger)
    {
        public override string ToString()
        {
            logger.LogInformation("Inner");
            return "value";
        }
    }

    /// <summary>Standard output that blocks its first write until released, like a full pipe nobody reads.</summary>
    private sealed class StallingStream : MemoryStream
    {
        private readonly ManualResetEventSlim _released = new();

        public ManualResetEventSlim FirstWriteStarted { get; } = new();

        public void Release() => _released.Set();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            FirstWriteStarted.Set();
            _released.Wait();
            base.Write(buffer);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _released.Dispose();
                FirstWriteStarted.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
