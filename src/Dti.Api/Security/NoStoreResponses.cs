using Microsoft.Net.Http.Headers;

namespace Dti.Api.Security;

/// <summary>API responses carry data a client was authorised to see: no cache (browser or proxy) may keep them.</summary>
internal sealed class NoStoreResponses(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderNames.CacheControl] = "no-store";
                return Task.CompletedTask;
            });
        }

        return next(context);
    }
}
