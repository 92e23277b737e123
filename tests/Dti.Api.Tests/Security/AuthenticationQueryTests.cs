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
    private readonly CommandLog _commands = new();

    protected override IReadOnlyDictionary<string, string?> Settings => CommandLog.Settings;

    protected override DtiApiFactory CreateFactory(TestDatabase database) => new(database, Settings, _commands.Logs);

    [OneTimeTearDown]
    public void DisposeLogs() => _commands.Dispose();

    [Test]
    public async Task AKeyIsCheckedWithOneCommandThatBringsTheRolesAndAgencies()
    {
        var police = await Client.CreateAgencyId("000.00.33.H50", "Công an tỉnh");
        var health = await Client.CreateAgencyId("000.00.21.H50", "Sở Y tế");
        var reporter = WithKey((await CreateApiKeyAsync(ClientRole.AgencyReporter, [health, police])).ApiKey);
        var before = _commands.Mark;

        var me = await reporter.GetFromJsonAsync<JsonElement>("/api/v1/me");

        var reads = _commands.ExecutedSince(before)
            .Where(m => m.Contains("SELECT", StringComparison.Ordinal) && m.Contains("\"Clients\"", StringComparison.Ordinal))
            .ToList();
        Assert.That(me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()), Is.EqualTo(new[] { "AgencyReporter" }));
        Assert.That(me.GetProperty("agencyIds").EnumerateArray().Select(a => a.GetGuid()), Is.EqualTo(new[] { health, police }), "in the order given");
        Assert.That(reads, Has.Count.EqualTo(1), string.Join("\n---\n", reads));
        Assert.That(reads[0], Does.Contain("\"ClientRoles\"").And.Contain("\"ClientAgencies\""));
    }
}
