using System.Text.Json;
using System.Text.Json.Nodes;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Hosting;

/// <summary>
/// openapi/v1.json is the committed contract: the served document must equal it. After an intended change,
/// regenerate it with DTI_UPDATE_OPENAPI=1 and commit the file with the code.
/// </summary>
public sealed class OpenApiContractTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private static readonly string ContractPath = Path.Combine(Repository.Root, "openapi", "v1.json");

    [Test]
    public async Task TheServedDocumentIsTheCommittedContract()
    {
        var served = Canonical(await Client.GetStringAsync("/swagger/v1/swagger.json"));
        if (Environment.GetEnvironmentVariable("DTI_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(ContractPath, served + "\n");
        }

        Assert.That(File.Exists(ContractPath), Is.True, $"{ContractPath} is missing; run the tests once with DTI_UPDATE_OPENAPI=1");
        Assert.That(served, Is.EqualTo(Canonical(await File.ReadAllTextAsync(ContractPath))),
            "the API no longer matches openapi/v1.json: if the change is intended, regenerate it with DTI_UPDATE_OPENAPI=1 and commit it");
    }

    [Test]
    public async Task EveryOperationIsVersionedNamedSummarisedAndDocumentsItsErrors()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => (Path: path.Key, Method: op.Key, Operation: op.Value!)))
            .ToList();

        Assert.That(operations, Is.Not.Empty);
        Assert.Multiple(() =>
        {
            foreach (var (path, method, operation) in operations)
            {
                var where = $"{method.ToUpperInvariant()} {path}";
                Assert.That(path, Does.StartWith("/api/v1/"), where);
                Assert.That((string?)operation["operationId"], Is.Not.Null.And.Not.Empty, $"{where} has no operationId");
                Assert.That((string?)operation["summary"], Is.Not.Null.And.Not.Empty, $"{where} has no summary");
                var responses = operation["responses"]!.AsObject().Select(r => r.Key).ToList();
                Assert.That(responses, Is.SupersetOf(new[] { "400", "500" }), where);
                if (path.Contains('{', StringComparison.Ordinal))
                {
                    Assert.That(responses, Does.Contain("404"), $"{where} addresses a resource and must document 404");
                }
            }
        });
        Assert.That(operations.Select(o => (string?)o.Operation["operationId"]).Distinct().Count(), Is.EqualTo(operations.Count), "operationIds are unique");
    }

    private static string Canonical(string json) =>
        JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
}
