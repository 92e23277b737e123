using Asp.Versioning;

namespace Dti.Api.Versioning;

/// <summary>
/// Reads the requested version from the first segments of the path, <c>/api/v{major}/…</c>, and from nowhere else
/// (ADR 0005). Every served version is mapped as its own literal group (<c>/api/v1</c>), so routing has already
/// chosen the version by the time this runs; reading the segment directly spares Asp.Versioning from matching a
/// route template against every request's path to find it.
/// </summary>
internal sealed class PathVersionReader(IReadOnlyList<ApiVersion> served) : IApiVersionReader
{
    private const string Prefix = "/api/v";

    // One list per served version, so that reading a served version allocates nothing.
    private readonly (string Segment, IReadOnlyList<string> Versions)[] known =
        [.. served.Select(v => (Segment(v), (IReadOnlyList<string>)[Segment(v)]))];

    /// <summary>The path segment after <c>/api/v</c> that names <paramref name="version"/>: its major version.</summary>
    public static string Segment(ApiVersion version) =>
        version.MajorVersion?.ToString(System.Globalization.CultureInfo.InvariantCulture)
        ?? throw new ArgumentException("A served version has a major version.", nameof(version));

    public IReadOnlyList<string> Read(HttpRequest request)
    {
        var path = request.Path.Value.AsSpan();
        if (!path.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var segment = path[Prefix.Length..];
        var end = segment.IndexOf('/');
        if (end >= 0)
        {
            segment = segment[..end];
        }

        foreach (var (text, versions) in known)
        {
            if (segment.Equals(text, StringComparison.Ordinal))
            {
                return versions;
            }
        }

        return segment.IsEmpty ? [] : [segment.ToString()];
    }

    /// <summary>The version is part of each operation's literal path: there is no parameter to describe.</summary>
    public void AddParameters(IApiVersionParameterDescriptionContext context)
    {
    }
}
