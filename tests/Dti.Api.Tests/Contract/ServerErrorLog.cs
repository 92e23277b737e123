using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace Dti.Api.Tests.Contract;

/// <summary>
/// Keeps the errors the application logs, with their exceptions, so that a 5xx found by a contract check names
/// its cause. Only errors are kept: the checks send thousands of requests.
/// </summary>
public sealed partial class ServerErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<ServerError> _errors = new();

    /// <summary>The errors logged since the last call.</summary>
    public IReadOnlyList<ServerError> Take()
    {
        var taken = new List<ServerError>();
        while (_errors.TryDequeue(out var error))
        {
            taken.Add(error);
        }

        return taken;
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _errors);

    public void Dispose()
    {
    }

    /// <summary>
    /// What went wrong, the same for every request that hits the same bug: the innermost exception's type and
    /// message (ids and numbers blanked) and the first frame in Dti code.
    /// </summary>
    public static string Cause(IReadOnlyList<ServerError> errors)
    {
        var error = errors.FirstOrDefault(e => e.Exception is not null) ?? (errors.Count > 0 ? errors[0] : null);
        if (error is null)
        {
            return "no error logged";
        }

        if (error.Exception is not { } exception)
        {
            return Blank(error.Message);
        }

        var innermost = exception;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        var frame = exception.ToString().Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("at Dti.", StringComparison.Ordinal));
        var message = innermost.Message.Split('\n')[0];
        return $"{innermost.GetType().Name}: {Blank(message[..Math.Min(message.Length, 160)])}{(frame is null ? string.Empty : $" ({frame[3..].Split(" in ")[0]})")}";
    }

    /// <summary>
    /// What went wrong when the server did not answer but threw (the in-memory server hands the caller what the
    /// application left unhandled): the exception and the innermost one it wraps, messages of the latter left out
    /// so that one bug is one cause across operations.
    /// </summary>
    public static string Cause(Exception thrown)
    {
        var innermost = thrown;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        var message = thrown.Message.Split(". ")[0];
        return innermost == thrown ? $"unhandled {thrown.GetType().Name}: {message}" : $"unhandled {thrown.GetType().Name}: {message} (wrapping {innermost.GetType().Name})";
    }

    private static string Blank(string text) => Numbers().Replace(Ids().Replace(text, "<id>"), "<n>");

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Ids();

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Numbers();

    private sealed class Logger(string category, ConcurrentQueue<ServerError> errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue(new ServerError(category, formatter(state, exception), exception));
            }
        }
    }
}

public sealed record ServerError(string Category, string Message, Exception? Exception);
