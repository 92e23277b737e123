using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Dti.Api.Security;

/// <summary>The <c>RateLimiting</c> configuration section: requests per minute under <c>/api</c>, per client or, for anonymous callers, per IP address.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimiting";

    public int PermitPerMinute { get; set; } = 600;

    public int AnonymousPermitPerMinute { get; set; } = 60;
}

/// <summary>Per-client rate limiting with ASP.NET Core's limiter; over the limit is a 429 problem with Retry-After.</summary>
internal static class RateLimits
{
    /// <summary>Each quota counts requests in fixed windows of this length.</summary>
    public static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.Value));
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        if (!context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var clientId = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClientClaims.ClientId) : null;
        return clientId is not null
            ? RateLimitPartition.GetFixedWindowLimiter("client:" + clientId, _ => Window(limits.PermitPerMinute))
            : RateLimitPartition.GetFixedWindowLimiter("ip:" + context.Connection.RemoteIpAddress, _ => Window(limits.AnonymousPermitPerMinute));
    }

    private static FixedWindowRateLimiterOptions Window(int permits) => new()
    {
        PermitLimit = Math.Max(1, permits),
        Window = WindowLength,
        QueueLimit = 0,
    };
}
