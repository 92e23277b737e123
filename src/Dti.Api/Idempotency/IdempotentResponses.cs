using Dti.Infrastructure.Idempotency;

namespace Dti.Api.Idempotency;

/// <summary>
/// Outermost for operations that honour <c>Idempotency-Key</c>: holds the response back while it is produced, so that
/// when <see cref="IdempotentRequests"/> claimed the key, exactly what the client receives — a success, or the problem
/// the exception handler wrote — is what retries get. 2xx and the 4xx that a retry of the same request would get again
/// are stored; anything else (5xx, a conflict with the current state, a client that went away) releases the key.
/// </summary>
internal sealed class IdempotentResponses(RequestDelegate next, IdempotencyStore store, ILogger<IdempotentResponses> logger)
{
    /// <summary>Larger responses are not stored (the key is released): creations answer with one resource.</summary>
    public const int MaxStoredBytes = 1024 * 1024;

    /// <summary>Client errors that the same request meets again whenever it is retried.</summary>
    private static readonly HashSet<int> FinalClientErrors =
    [
        StatusCodes.Status400BadRequest,
        StatusCodes.Status404NotFound,
        StatusCodes.Status410Gone,
        StatusCodes.Status413PayloadTooLarge,
        StatusCodes.Status415UnsupportedMediaType,
        StatusCodes.Status422UnprocessableEntity,
    ];

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentOperation>() is null || !context.Request.Headers.ContainsKey(IdempotencyKeys.Header))
        {
            await next(context);
            return;
        }

        var body = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = body;
            if (context.Features.Get<IdempotencyOutcome.Claimed>() is { } failed)
            {
                await store.ReleaseAsync(failed);
            }

            throw;
        }

        context.Response.Body = body;
        if (context.Features.Get<IdempotencyOutcome.Claimed>() is { } claim)
        {
            await SettleAsync(context.Response, claim, buffer);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(body, context.RequestAborted);
    }

    private async Task SettleAsync(HttpResponse response, IdempotencyOutcome.Claimed claim, MemoryStream buffer)
    {
        var status = response.StatusCode;
        var stored = (status is >= 200 and < 300 || FinalClientErrors.Contains(status)) && buffer.Length <= MaxStoredBytes;
        try
        {
            if (stored)
            {
                await store.CompleteAsync(claim, status, response.ContentType, response.Headers.Location.FirstOrDefault(), response.Headers.ETag.FirstOrDefault(), buffer.ToArray());
            }
            else
            {
                await store.ReleaseAsync(claim);
            }
        }
        catch (Exception ex)
        {
            // The change (if any) is committed and the client gets its answer; the key stays claimed until its claim
            // times out, and a retry meanwhile gets 409.
            logger.LogError(ex, "The response to an Idempotency-Key request could not be {Action}; the key stays claimed until its claim times out.", stored ? "stored" : "released");
        }
    }
}
