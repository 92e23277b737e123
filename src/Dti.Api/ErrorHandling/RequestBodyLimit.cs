using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Dti.Api.ErrorHandling;

/// <summary>
/// Bounds request bodies: a declared Content-Length over the limit is refused before reading; the server's
/// own limit (which stops chunked bodies while they stream) is set to the same number.
/// </summary>
internal sealed class RequestBodyLimit(RequestDelegate next, IOptions<ApiOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (feature is { IsReadOnly: false })
        {
            feature.MaxRequestBodySize = limit;
        }

        if (context.Request.ContentLength > limit)
        {
            throw new BadHttpRequestException(
                $"The request body is {context.Request.ContentLength} bytes; the limit is {limit} bytes (setting Api:MaxRequestBodyBytes).",
                StatusCodes.Status413PayloadTooLarge);
        }

        return next(context);
    }
}
