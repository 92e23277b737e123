using System.Globalization;
using Asp.Versioning;
using Dti.Domain.Common;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Versioning;

/// <summary>
/// How far one API version is in its life, as the operator sets it under <c>Api:Versions:{version}</c>
/// (e.g. <c>Api:Versions:1.0:Deprecated=true</c>, <c>…:Sunset=2028-12-31</c>, <c>…:Link=https://…</c>).
/// Dates are Vietnamese calendar days (UTC+7).
/// </summary>
/// <param name="Deprecated">Clients should move to a newer version; the version still answers.</param>
/// <param name="DeprecationDate">The day the deprecation took (or takes) effect: the RFC 9745 <c>Deprecation</c> header.</param>
/// <param name="Sunset">The last day the version answers; it stops at the next midnight: the RFC 8594 <c>Sunset</c> header.</param>
/// <param name="Link">Where clients read about the deprecation and how to migrate.</param>
internal sealed record VersionLifecycle(bool Deprecated, DateOnly? DeprecationDate, DateOnly? Sunset, Uri? Link)
{
    public const string Section = "Api:Versions";

    public static readonly VersionLifecycle Current = new(false, null, null, null);

    /// <summary>The instant the version stops answering, as the <c>Sunset</c> header gives it.</summary>
    public DateTimeOffset? SunsetAt => Sunset is { } day ? StartOf(day.AddDays(1)) : null;

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), VietnamClock.Offset);

    /// <summary>Registers the deprecation and sunset policies Asp.Versioning writes as response headers and into the API description.</summary>
    public void ApplyTo(IApiVersioningPolicyBuilder policies, ApiVersion version)
    {
        if (Deprecated)
        {
            var deprecation = policies.Deprecate(version);
            if (DeprecationDate is { } day)
            {
                deprecation.Effective(StartOf(day));
            }

            if (Link is not null)
            {
                deprecation.Link(Link);
            }
        }

        if (SunsetAt is { } sunsetAt)
        {
            var sunset = policies.Sunset(version).Effective(sunsetAt);
            if (Link is not null)
            {
                sunset.Link(Link);
            }
        }
    }
}

/// <summary>The configured lifecycle of every served version; a version not configured is current.</summary>
internal sealed class VersionLifecycles(IReadOnlyDictionary<ApiVersion, VersionLifecycle> configured)
{
    private static readonly string[] Keys = ["Deprecated", "DeprecationDate", "Sunset", "Link"];

    public IEnumerable<KeyValuePair<ApiVersion, VersionLifecycle>> All => configured;

    public VersionLifecycle For(ApiVersion version) => configured.GetValueOrDefault(version, VersionLifecycle.Current);

    /// <summary>Reads <c>Api:Versions</c>; a key that is not a served version or a value that cannot be read stops start-up naming the setting.</summary>
    public static VersionLifecycles Read(IConfiguration configuration, IReadOnlyList<ApiVersion> served)
    {
        var result = new Dictionary<ApiVersion, VersionLifecycle>();
        foreach (var section in configuration.GetSection(VersionLifecycle.Section).GetChildren())
        {
            var setting = $"{VersionLifecycle.Section}:{section.Key}";
            var version = ApiVersionParser.Default.TryParse(section.Key, out var parsed) ? served.FirstOrDefault(v => v == parsed) : null;
            if (version is null)
            {
                throw new StartupException($"{setting} names API version '{section.Key}', which this API does not serve (served: {string.Join(", ", served)}).");
            }

            if (section.GetChildren().Select(c => c.Key).FirstOrDefault(k => !Keys.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            {
                throw new StartupException($"{setting}:{unknown} is not a setting; use {string.Join(", ", Keys)}.");
            }

            var lifecycle = new VersionLifecycle(
                Deprecated: section["Deprecated"] is { Length: > 0 } deprecated
                    ? bool.TryParse(deprecated, out var flag) ? flag : throw Invalid(setting, "Deprecated", "true or false", deprecated)
                    : false,
                DeprecationDate: Day(section, "DeprecationDate", setting),
                Sunset: Day(section, "Sunset", setting),
                Link: section["Link"] is { Length: > 0 } link
                    ? Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" ? uri : throw Invalid(setting, "Link", "an absolute http(s) URL", link)
                    : null);
            if (lifecycle.DeprecationDate is not null && !lifecycle.Deprecated)
            {
                throw new StartupException($"{setting}:DeprecationDate is set but {setting}:Deprecated is not true.");
            }

            result[version] = lifecycle;
        }

        return new VersionLifecycles(result);
    }

    private static DateOnly? Day(IConfigurationSection section, string key, string setting) =>
        section[key] is not { Length: > 0 } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw Invalid(setting, key, "a date such as 2028-12-31", text);

    private static StartupException Invalid(string setting, string key, string expected, string value) =>
        new($"{setting}:{key} must be {expected}; it is '{value}'.");
}
