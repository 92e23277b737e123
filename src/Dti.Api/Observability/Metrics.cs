using Dti.Infrastructure.Persistence.Metrics;
using OpenTelemetry.Metrics;

namespace Dti.Api.Observability;

/// <summary>Setting <c>Metrics:Enabled</c>: off by default, since <c>/metrics</c> answers without a key.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    public bool Enabled { get; init; }
}

/// <summary>
/// OpenTelemetry metrics in Prometheus' text format on <c>/metrics</c>, when <c>Metrics:Enabled</c> is true: ASP.NET
/// Core's <c>http.server.request.duration</c> (a histogram by route template, method and status, so its count is the
/// requests by route and status) and the database time of <see cref="DatabaseTime"/>. The endpoint needs no key, for
/// scrapers; expose it only where an operator's scraper can reach it (README, "Metrics").
/// </summary>
internal static class Metrics
{
    public const string Path = "/metrics";

    public static IServiceCollection AddMetrics(this IServiceCollection services, IConfiguration configuration)
    {
        if (!Enabled(configuration))
        {
            return services;
        }

        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddAspNetCoreInstrumentation()
            .AddMeter(DatabaseTime.MeterName)
            .AddPrometheusExporter());
        return services;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (Enabled(app.Configuration))
        {
            app.MapPrometheusScrapingEndpoint(Path).AllowAnonymous().DisableRateLimiting();
        }

        return app;
    }

    private static bool Enabled(IConfiguration configuration) =>
        configuration.GetSection(MetricsOptions.Section).Get<MetricsOptions>()?.Enabled ?? false;
}
