using System.Diagnostics;
using Dti.Api.Security;

namespace Dti.Api.Observability;

/// <summary>
/// One structured Information line per request, written when it ends: method, route template, status, duration and the
/// calling client's id. Never a body, a header or the query string (calendar feeds carry keys there), and the route is
/// the template (<c>/api/v1/agencies/{id:guid}</c>), so lines group by operation. Outermost, so it sees the status the
/// exception handler chose.
/// </summary>
internal sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!logger.IsEnabled(LogLevel.Information))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            Answered(
                logger,
                context.Request.Method,
                (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "/",
                context.Response.StatusCode,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                context.User.FindFirst(ClientClaims.ClientId)?.Value);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Route} answered {StatusCode} in {ElapsedMs:0.0} ms for {ClientId}")]
    private static partial void Answered(ILogger logger, string method, string route, int statusCode, double elapsedMs, string? clientId);
}
