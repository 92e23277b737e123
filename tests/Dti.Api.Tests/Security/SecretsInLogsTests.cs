using System.Net;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Application.Clients.Commands.CreateClient;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Security;

/// <summary>With every log level on, neither keys nor their hashes nor the Authorization header reach the logs.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
public sealed class SecretsInLogsTests(DatabaseProvider provider)
{
    [Test]
    public async Task KeysNeverAppearInTheLogs()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        using var logs = new CapturingLoggerProvider();
        // Framework logs on too: ASP.NET Core's request line ("Request starting GET …?access_key=…") must not carry a key.
        await using var factory = new DtiApiFactory(database, new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace" }, logs);
        using var client = factory.CreateClient();
        string key;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            key = (await scope.ServiceProvider.GetRequiredService<IMediator>()
                .Send(new CreateClientCommand(new CreateClientInput("Logged", null, [ClientRole.Coordinator], null, null)))).Value.ApiKey;
        }

        client.DefaultRequestHeaders.Add(ApiTestBase.ApiKeyHeader, key);
        var created = await (await client.PostAsJsonAsync("/api/v1/clients", new { name = "Second", roles = new[] { "Reader" } })).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var secondKey = created.GetProperty("apiKey").GetString()!;
        using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/v1/frameworks");
        wrong.Headers.TryAddWithoutValidation("Authorization", "ApiKey " + key[..^2] + "xx");
        Assert.That((await client.SendAsync(wrong)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "X-Api-Key wins over Authorization");
        using var bad = factory.CreateClient();
        bad.DefaultRequestHeaders.Add(ApiTestBase.ApiKeyHeader, key[..^2] + "xx");
        Assert.That((await bad.GetAsync("/api/v1/frameworks")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        var feed = await bad.GetAsync($"/api/v1/deadline-rules/{Guid.NewGuid()}/calendar.ics?from=2026-01-01&to=2026-12-31&access_key={Uri.EscapeDataString(key)}");
        Assert.That(feed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "X-Api-Key (wrong) wins over access_key");
        using var subscriber = factory.CreateClient();
        var subscribed = await subscriber.GetAsync($"/api/v1/deadline-rules/{Guid.NewGuid()}/calendar.ics?from=2026-01-01&to=2026-12-31&access_key={Uri.EscapeDataString(secondKey)}");
        Assert.That(subscribed.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "the calendar-feed key is accepted from the query string");

        var secrets = new[] { key, secondKey, key[^43..], secondKey[^43..], key[..^2] + "xx" };
        Assert.That(logs.Messages, Is.Not.Empty);
        Assert.That(logs.Messages.Where(m => secrets.Any(s => m.Contains(s, StringComparison.Ordinal))), Is.Empty);
    }
}
