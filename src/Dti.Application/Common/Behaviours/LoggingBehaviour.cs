using System.Diagnostics;
using MediatR;
using Microsoft.Extensions.Logging;

namespace Dti.Application.Common.Behaviours;

/// <summary>
/// Logs each request's name, outcome and duration at Debug — never its body, which may hold personal data. The one
/// Information line per HTTP request is the host's (Dti.Api's <c>RequestLog</c>); this is for tracing a handler.
/// </summary>
public sealed partial class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    /// <summary>Below Debug (as shipped) a request goes straight on, without a timer or an async step of its own.</summary>
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        logger.IsEnabled(LogLevel.Debug) ? LogAsync(next) : next();

    private async Task<TResponse> LogAsync(RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            Handled(logger, typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (Exception ex)
        {
            Failed(logger, typeof(TRequest).Name, ex.GetType().Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Handled {RequestName} in {ElapsedMs:0.0} ms")]
    private static partial void Handled(ILogger logger, string requestName, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{RequestName} ended with {ExceptionType} after {ElapsedMs:0.0} ms")]
    private static partial void Failed(ILogger logger, string requestName, string exceptionType, double elapsedMs);
}
