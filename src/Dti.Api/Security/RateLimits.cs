using System.Diagnostics;
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

/// <summary>
/// The IETF RateLimit header fields (draft-ietf-httpapi-ratelimit-headers, structured-field form) on every <c>/api</c>
/// response: <c>RateLimit-Policy: "client";q=600;w=60</c> and <c>RateLimit: "client";r=599;t=42</c>.
/// </summary>
public static class RateLimitHeaders
{
    /// <summary>The quota policy: its name, <c>q</c> (requests per window) and <c>w</c> (window in seconds).</summary>
    public const string Policy = "RateLimit-Policy";

    /// <summary>What is left of the quota: <c>r</c> (requests remaining) and <c>t</c> (seconds until the window resets).</summary>
    public const string Remaining = "RateLimit";

    /// <summary>The policy of an authenticated client (one quota per client).</summary>
    public const string ClientPolicy = "client";

    /// <summary>The policy of callers without valid credentials (one quota per IP address).</summary>
    public const string AnonymousPolicy = "anonymous";
}

/// <summary>
/// Per-client rate limiting with ASP.NET Core's fixed-window limiter. Over the limit is a 429 problem with Retry-After;
/// every limited response says the quota and what is left of it (<see cref="RateLimitHeaders"/>), read from the limiter's statistics.
/// </summary>
internal static class RateLimits
{
    /// <summary>Each quota counts requests in fixed windows of this length.</summary>
    public static readonly TimeSpan WindowLength = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<RateLimitOptions>(configuration.GetSection(RateLimitOptions.Section));
        services.AddSingleton(sp =>
        {
            var limits = sp.GetRequiredService<IOptions<RateLimitOptions>>().Value;
            return PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits));
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<PartitionedRateLimiter<HttpContext>>((options, limiter) =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                if (Quota(limiter, context.HttpContext) is { } quota)
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, quota.SecondsToReset).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = limiter;
        });
        return services;
    }

    /// <summary>Adds the RateLimit header fields to each limited response as it starts, after the limiter counted the request.</summary>
    public static IApplicationBuilder UseRateLimitHeaders(this IApplicationBuilder app)
    {
        var limiter = app.ApplicationServices.GetRequiredService<PartitionedRateLimiter<HttpContext>>();
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (Quota(limiter, context) is { } quota)
                {
                    var headers = context.Response.Headers;
                    headers[RateLimitHeaders.Policy] = string.Create(CultureInfo.InvariantCulture, $"\"{quota.Policy}\";q={quota.Permits};w={(int)quota.Window.TotalSeconds}");
                    headers[RateLimitHeaders.Remaining] = string.Create(CultureInfo.InvariantCulture, $"\"{quota.Policy}\";r={quota.CurrentAvailablePermits};t={quota.SecondsToReset}");
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    private static QuotaStatistics? Quota(PartitionedRateLimiter<HttpContext> limiter, HttpContext context) =>
        IsLimited(context) ? limiter.GetStatistics(context) as QuotaStatistics : null;

    private static bool IsLimited(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        if (!IsLimited(context))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var clientId = context.User.Identity?.IsAuthenticated == true ? context.User.FindFirstValue(ClientClaims.ClientId) : null;
        return clientId is not null
            ? RateLimitPartition.Get("client:" + clientId, _ => new QuotaWindow(RateLimitHeaders.ClientPolicy, limits.PermitPerMinute, WindowLength))
            : RateLimitPartition.Get("ip:" + context.Connection.RemoteIpAddress, _ => new QuotaWindow(RateLimitHeaders.AnonymousPolicy, limits.AnonymousPermitPerMinute, WindowLength));
    }

    /// <summary>The limiter's own statistics plus what the RateLimit fields need: the policy and when the window resets.</summary>
    private sealed class QuotaStatistics : RateLimiterStatistics
    {
        public required string Policy { get; init; }

        public required int Permits { get; init; }

        public required TimeSpan Window { get; init; }

        public required int SecondsToReset { get; init; }
    }

    /// <summary>
    /// ASP.NET Core's <see cref="FixedWindowRateLimiter"/>, which does all the counting, plus the one thing it does not
    /// expose: when its window started. The partitioned limiter replenishes it on a 100 ms heartbeat, and it opens a new
    /// window once a whole window has passed since the last; this records the start by the same test at the same moment,
    /// so <c>t</c> is right to within that heartbeat (see docs/security.md).
    /// </summary>
    private sealed class QuotaWindow : ReplenishingRateLimiter
    {
        private readonly string _policy;
        private readonly int _permits;
        private readonly TimeSpan _window;
        private readonly FixedWindowRateLimiter _inner;
        private long _windowStart;

        public QuotaWindow(string policy, int permits, TimeSpan window)
        {
            _policy = policy;
            _permits = Math.Max(1, permits);
            _window = window;
            _windowStart = Stopwatch.GetTimestamp();
            _inner = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
            {
                PermitLimit = _permits,
                Window = window,
                QueueLimit = 0,
                AutoReplenishment = false,
            });
        }

        public override TimeSpan? IdleDuration => _inner.IdleDuration;

        public override bool IsAutoReplenishing => false;

        public override TimeSpan ReplenishmentPeriod => _window;

        public override bool TryReplenish()
        {
            var now = Stopwatch.GetTimestamp();
            if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _windowStart), now) >= _window)
            {
                Interlocked.Exchange(ref _windowStart, now);
            }

            return _inner.TryReplenish();
        }

        public override RateLimiterStatistics? GetStatistics()
        {
            var inner = _inner.GetStatistics();
            if (inner is null)
            {
                return null;
            }

            var left = _window - Stopwatch.GetElapsedTime(Interlocked.Read(ref _windowStart));
            return new QuotaStatistics
            {
                CurrentAvailablePermits = inner.CurrentAvailablePermits,
                CurrentQueuedCount = inner.CurrentQueuedCount,
                TotalFailedLeases = inner.TotalFailedLeases,
                TotalSuccessfulLeases = inner.TotalSuccessfulLeases,
                Policy = _policy,
                Permits = _permits,
                Window = _window,
                SecondsToReset = (int)Math.Ceiling(Math.Max(0, left.TotalSeconds)),
            };
        }

        protected override RateLimitLease AttemptAcquireCore(int permitCount) => _inner.AttemptAcquire(permitCount);

        protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
            _inner.AcquireAsync(permitCount, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        protected override async ValueTask DisposeAsyncCore()
        {
            await _inner.DisposeAsync();
            await base.DisposeAsyncCore();
        }
    }
}
