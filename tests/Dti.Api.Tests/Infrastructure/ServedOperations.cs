using System.Text;
using System.Text.Json.Nodes;

namespace Dti.Api.Tests.Infrastructure;

/// <summary>The operations of the OpenAPI document the application serves, each ready to be called with sample path values.</summary>
public static class ServedOperations
{
    public static async Task<List<ServedOperation>> ReadAsync(HttpClient client)
    {
        var document = JsonNode.Parse(await client.GetStringAsync("/swagger/v1/swagger.json"))!;
        return [.. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Select(op => new ServedOperation(
            (string)op.Value!["operationId"]!,
            op.Key.ToUpperInvariant(),
            path.Key,
            SamplePath(path.Key, op.Value!["parameters"]?.AsArray()),
            op.Value!["requestBody"]?["content"]?.AsObject().Select(c => c.Key).FirstOrDefault(),
            op.Value!.AsObject())))];
    }

    /// <summary>Fills path parameters with values of their type; any value will do where the check under test comes before the handler.</summary>
    private static string SamplePath(string path, JsonArray? parameters)
    {
        foreach (var parameter in parameters ?? [])
        {
            if ((string?)parameter!["in"] != "path")
            {
                continue;
            }

            var schema = parameter["schema"];
            var value = ((string?)schema?["type"], (string?)schema?["format"]) switch
            {
                ("integer", _) => "2022",
                ("string", "uuid") => Guid.NewGuid().ToString(),
                _ => "QD-922-2022",
            };
            path = path.Replace($"{{{(string)parameter["name"]!}}}", value, StringComparison.Ordinal);
        }

        return path;
    }
}

/// <param name="OperationId">The operation's name.</param>
/// <param name="Method">GET, POST, PUT, DELETE…</param>
/// <param name="Route">The path as documented, with its <c>{parameters}</c>.</param>
/// <param name="Path">The path with sample values.</param>
/// <param name="MediaType">The first media type its request body accepts, if it takes one.</param>
/// <param name="Definition">The operation as the document describes it.</param>
public sealed record ServedOperation(string OperationId, string Method, string Route, string Path, string? MediaType, JsonObject Definition)
{
    /// <summary>A request with a minimal body of the operation's media type.</summary>
    public HttpRequestMessage Request() => new(new HttpMethod(Method), Path)
    {
        Content = MediaType is null ? null : new StringContent(MediaType == "text/csv" ? "code\n" : "{}", Encoding.UTF8, MediaType),
    };

    public override string ToString() => $"{OperationId} ({Method} {Path})";
}
