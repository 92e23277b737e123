using System.Net.Http.Json;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Security;

/// <summary>
/// A key the instance has not read in the last <c>Auth:KeyCacheSeconds</c> is read from the database, and that read stays
/// one command: the client's key columns come with its roles and agencies (child tables) in a single round trip, not one
/// command per list.
/// </summary>
public sealed class AuthenticationQueryTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private readonly CapturingLoggerProvider _logs = new();

    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "Information" };

    protected override DtiApiFactory CreateFactory(TestDatabase database) => new(database, Settings, _logs);

    [OneTimeTearDown]
    public void DisposeLogs() => _logs.Dispose();

    [Test]
    public async Task AKeyIsCheckedWithOneCommandThatBringsTheRolesAndAgencies()
    {
        var police = await Client.CreateAgencyId("000.00.33.H50", "Công an tỉnh");
        var health = await Client.CreateAgencyId("000.00.21.H50", "Sở Y tế");
        var reporter = WithKey((await CreateApiKeyAsync(ClientRole.AgencyReporter, [health, police])).ApiKey);
        var before = _logs.Messages.Count;

        var me = await reporter.GetFromJsonAsync<JsonElement>("/api/v1/me");

        var reads = _logs.Messages.Skip(before)
            .Where(m => m.StartsWith("Microsoft.EntityFrameworkCore.Database.Command", StringComparison.Ordinal) && m.Contains("Executed DbCommand", StringComparison.Ordinal))
            .Where(m => m.Contains("SELECT", StringComparison.Ordinal) && m.Contains("\"Clients\"", StringComparison.Ordinal))
            .ToList();
        Assert.That(me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "AgencyReporter" }));
        Assert.That(me.GetProperty("agencyIds").EnumerateArray().Select(a => a.GetGuid()), Is.EqualTo(new[] { health, police }), "in the order given");
        Assert.That(reads, Has.Count.EqualTo(1), string.Join("\n---\n", reads));
        Assert.That(reads[0], Does.Contain("\"ClientRoles\"").And.Contain("\"ClientAgencies\""));
    }
}
