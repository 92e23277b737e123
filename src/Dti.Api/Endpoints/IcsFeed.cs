using Dti.Application.Deadlines;

namespace Dti.Api.Endpoints;

/// <summary>
/// Sends an <see cref="IcsCalendar"/> as <c>text/calendar; charset=utf-8</c>, written to the response as its events are
/// produced: a feed of hundreds of events is never held whole as a string, nor encoded a second time.
/// </summary>
internal sealed class IcsFeed(IcsCalendar calendar) : IResult
{
    public const string ContentType = $"{IcsWriter.MediaType}; charset=utf-8";

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = ContentType;
        return IcsWriter.WriteAsync(calendar, httpContext.Response.BodyWriter, httpContext.RequestAborted);
    }
}
