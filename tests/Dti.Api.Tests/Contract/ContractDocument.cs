using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dti.Api.Tests.Infrastructure;

namespace Dti.Api.Tests.Contract;

/// <summary>
/// The committed contract, openapi/v1.json, read as the list of its operations: the contract checks match the
/// requests they send to these operations (coverage) and generate requests from their parameters and schemas.
/// </summary>
public sealed class ContractDocument
{
    public static readonly string FilePath = Path.Combine(Repository.Root, "openapi", "v1.json");

    private ContractDocument(JsonNode root, IReadOnlyList<ContractOperation> operations)
    {
        Root = root;
        Operations = operations;
    }

    public JsonNode Root { get; }

    public IReadOnlyList<ContractOperation> Operations { get; }

    public static ContractDocument Load()
    {
        var root = JsonNode.Parse(File.ReadAllText(FilePath))!;
        var operations = new List<ContractOperation>();
        foreach (var (template, item) in root["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var body = operation!["requestBody"]?["content"]?.AsObject().FirstOrDefault();
                operations.Add(new ContractOperation(
                    (string)operation["operationId"]!,
                    method.ToUpperInvariant(),
                    template,
                    [.. (operation["parameters"]?.AsArray() ?? []).Select(p => new ContractParameter(
                        (string)p!["name"]!, (string)p["in"]!, (bool?)p["required"] ?? false, p["schema"] ?? new JsonObject()))],
                    body?.Key,
                    body?.Value?["schema"]));
            }
        }

        return new ContractDocument(root, operations);
    }

    /// <summary>
    /// The operation a request addresses; a literal segment wins over a parameter (<c>deadline-rules/parse</c> over
    /// <c>deadline-rules/{id}</c>), then the template with more literal text (<c>official-results/{year}.csv</c> over
    /// <c>official-results/{year}</c>).
    /// </summary>
    public ContractOperation? Match(HttpMethod method, string path) =>
        Operations
            .Where(o => o.Method == method.Method && o.Matches(path))
            .OrderBy(o => o.PathTemplate.Count(c => c == '{'))
            .ThenByDescending(o => o.PathTemplate.Length - o.PathTemplate.Split('{').Skip(1).Sum(p => p.IndexOf('}', StringComparison.Ordinal) + 2))
            .FirstOrDefault();

    /// <summary>Follows a <c>$ref</c> to the schema it names.</summary>
    public JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"] is { } reference)
        {
            schema = ((string)reference!).TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(Root, (node, part) => node[part]!);
        }

        return schema;
    }
}

/// <summary>One operation of the contract: method and path template, its parameters and the media type and schema of its body.</summary>
public sealed record ContractOperation(
    string OperationId, string Method, string PathTemplate, IReadOnlyList<ContractParameter> Parameters, string? BodyMediaType, JsonNode? BodySchema)
{
    private readonly Regex _path = new(
        "^" + Regex.Replace(Regex.Escape(PathTemplate), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public bool Matches(string path) => _path.IsMatch(path);

    public override string ToString() => $"{OperationId} ({Method} {PathTemplate})";
}

public sealed record ContractParameter(string Name, string In, bool Required, JsonNode Schema);
