using Dti.Application.Common.Interfaces;
using Dti.Infrastructure.Idempotency;

namespace Dti.Api.Idempotency;

/// <summary>
/// For an operation marked <see cref="IdempotentOperation"/> whose request sends <c>Idempotency-Key</c>, after
/// authentication and the body limit: reads and fingerprints the request, then claims the key in the database before
/// the endpoint runs — or replays the key's stored response (<c>Idempotent-Replayed: true</c>), or refuses: 409 while
/// the key's first request still runs, 422 when the key was used for another request.
/// <see cref="IdempotentResponses"/>, outside the exception handler, stores what the claimed request answered.
/// </summary>
internal sealed class IdempotentRequests(RequestDelegate next, IdempotencyStore store)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentOperation>() is null || IdempotencyKeys.Read(context.Request) is not { } key)
        {
            await next(context);
            return;
        }

        // Every operation that honours keys requires an authenticated caller, so the key is always some client's.
        var client = context.RequestServices.GetRequiredService<ICurrentClient>().ClientId
            ?? throw new InvalidOperationException("An Idempotency-Key reached an operation without an authenticated client.");
        var fingerprint = await RequestFingerprint.ComputeAsync(context.Request, context.RequestAborted);
        switch (await store.BeginAsync(client, key, fingerprint, context.RequestAborted))
        {
            case IdempotencyOutcome.Claimed claim:
                context.Features.Set(claim);
                await next(context);
                return;
            case IdempotencyOutcome.Replay replay:
                await ReplayAsync(context.Response, replay);
                return;
            case IdempotencyOutcome.Mismatch:
                throw new IdempotencyKeyException(
                    StatusCodes.Status422UnprocessableEntity,
                    "idempotency.key-reused",
                    "This Idempotency-Key was used for a different request (another method, path or body). Use a new key for a new request; send the same request to retry.");
            default:
                throw new IdempotencyKeyException(
                    StatusCodes.Status409Conflict,
                    "idempotency.in-flight",
                    "A request with this Idempotency-Key is still being processed. Retry in a moment to get its response.");
        }
    }

    private static async Task ReplayAsync(HttpResponse response, IdempotencyOutcome.Replay replay)
    {
        response.StatusCode = replay.StatusCode;
        response.ContentType = replay.ContentType;
        if (replay.Location is not null)
        {
            response.Headers.Location = replay.Location;
        }

        if (replay.ETag is not null)
        {
            response.Headers.ETag = replay.ETag;
        }

        response.Headers[IdempotencyKeys.ReplayedHeader] = "true";
        response.ContentLength = replay.Body.Length;
        await response.Body.WriteAsync(replay.Body, response.HttpContext.RequestAborted);
    }
}
