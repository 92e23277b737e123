using System.Net;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Security;

/// <summary>
/// Calls every operation of the served OpenAPI document as every role and anonymously: allowed roles must get
/// past authorisation (not 401/403), other roles 403, anonymous callers 401 — as <see cref="AccessTable"/> says.
/// </summary>
public sealed class AuthorizationMatrixTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    /// <summary>The matrix calls each operation anonymously, more often than the default anonymous limit allows.</summary>
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["RateLimiting:AnonymousPermitPerMinute"] = "10000",
    };

    [Test]
    public async Task EveryOperationIsInTheAccessTable()
    {
        var operationIds = (await Operations()).Select(o => o.OperationId).ToList();

        var missing = operationIds.Where(id => !AccessTable.Operations.ContainsKey(id)).ToList();
        var stale = AccessTable.Operations.Keys.Where(id => !operationIds.Contains(id)).ToList();
        Assert.That(missing, Is.Empty,
            $"These operations are not in tests/Dti.Api.Tests/Security/AccessTable.cs; add each with the roles its policy admits: {string.Join(", ", missing)}");
        Assert.That(stale, Is.Empty, $"AccessTable.cs lists operations the API no longer has: {string.Join(", ", stale)}");
    }

    [Test]
    public async Task AnonymousCallersGet401OnEveryOperation()
    {
        var operations = await Operations();
        Assert.Multiple(async () =>
        {
            foreach (var operation in operations)
            {
                var response = await Anonymous.SendAsync(operation.Request());
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), operation.ToString());
                Assert.That(response.Headers.WwwAuthenticate, Is.Not.Empty, operation.ToString());
            }
        });
    }

    [TestCase(ClientRole.Coordinator)]
    [TestCase(ClientRole.AgencyReporter)]
    [TestCase(ClientRole.Ministry)]
    [TestCase(ClientRole.Reader)]
    public async Task EachRoleReachesExactlyTheOperationsTheTableAllows(ClientRole role)
    {
        var caller = await CreateClientAsync(role, Guid.NewGuid());
        var operations = (await Operations()).Where(o => AccessTable.Operations.ContainsKey(o.OperationId)).ToList();

        Assert.That(operations, Is.Not.Empty);
        Assert.Multiple(async () =>
        {
            foreach (var operation in operations)
            {
                var response = await caller.SendAsync(operation.Request());
                var body = await response.Content.ReadAsStringAsync();
                body = body.Length > 300 ? body[..300] + "…" : body;
                if (AccessTable.Operations[operation.OperationId].Roles.Contains(role))
                {
                    Assert.That(response.StatusCode, Is.Not.EqualTo(HttpStatusCode.Unauthorized).And.Not.EqualTo(HttpStatusCode.Forbidden), $"{role} may call {operation}: {body}");
                }
                else
                {
                    Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden), $"{role} may not call {operation}: {body}");
                    Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), operation.ToString());
                }
            }
        });
    }

    private async Task<List<ServedOperation>> Operations() => await ServedOperations.ReadAsync(Anonymous);
}
