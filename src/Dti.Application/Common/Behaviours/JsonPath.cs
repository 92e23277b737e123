namespace Dti.Application.Common.Behaviours;

/// <summary>Turns a validator property path (<c>Body.MainIndices[2].MaxPoints</c>) into the JSON path clients send (<c>mainIndices[2].maxPoints</c>).</summary>
public static class JsonPath
{
    /// <summary>Validators of commands name the request body <c>Body</c>; it is not part of the JSON path.</summary>
    public const string BodyPrefix = "Body.";

    public static string ToCamelCase(string propertyPath)
    {
        var path = propertyPath.StartsWith(BodyPrefix, StringComparison.Ordinal) ? propertyPath[BodyPrefix.Length..] : propertyPath;
        return string.Join('.', path.Split('.').Select(segment =>
            segment.Length == 0 || char.IsLower(segment[0]) ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
    }
}
