using System.Net;
using System.Net.Http.Json;
using Dti.Api.Tests.Evidence;
using Dti.Api.Tests.Infrastructure;
using Dti.Application.Clients.Commands.CreateClient;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// On PostgreSQL an API instance holds a bounded pool of connections (<see cref="DatabaseRegistration.MaxPoolSize"/>
/// unless the connection string says otherwise), and requests beyond it wait for one. That is only safe while no request
/// holds two connections at once: requests that each held one and waited for a second would exhaust the pool between
/// them and wait until the pool's timeout. Here a pool of two serves ten concurrent requests of the kinds that use a
/// second unit of work (evidence uploads, which store their bytes once across racing uploads, and creations under an
/// Idempotency-Key, whose key is claimed and completed apart from the request's work).
/// </summary>
public sealed class ConnectionPoolTests
{
    private const string Ict = "000.00.31.H50";

    [Test]
    public async Task ConcurrentRequestsNeedNoMoreThanOneConnectionEach()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        await using var factory = new DtiApiFactory(database, PoolOf(database, size: 2, timeoutSeconds: 15));
        using var client = await CoordinatorAsync(factory);

        var agency = await client.CreateAgencyId(Ict, "Sở TT&TT");
        var shared = EvidenceFiles.Pdf("Bao cao chung");

        // Five uploads of the same bytes race to store them; five more bring bytes of their own.
        var uploads = Enumerable.Range(1, 10).Select(i => client.PostAsync(
            $"/api/v1/agencies/{agency}/evidence",
            EvidenceFiles.Upload(i <= 5 ? shared : EvidenceFiles.Pdf($"Bao cao so {i}"), $"Báo cáo số {i}.pdf")));
        var creations = Enumerable.Range(1, 10).Select(i =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/agencies")
            {
                Content = JsonContent.Create(new { code = $"000.00.{40 + i}.H50", fullName = $"Đơn vị kiểm thử số {i}", shortName = $"Đơn vị {i}", kind = "Department", validFrom = "2020-01-01" }),
            };
            request.Headers.Add("Idempotency-Key", $"tao-don-vi-{i}");
            return client.SendAsync(request);
        });

        var responses = await Task.WhenAll(uploads.Concat(creations));

        var statuses = await Task.WhenAll(responses.Select(async r => $"{(int)r.StatusCode} {(r.StatusCode == HttpStatusCode.Created ? string.Empty : await r.Content.ReadAsStringAsync())}".Trim()));
        Assert.That(statuses, Is.All.EqualTo("201"));
        await using var check = factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<DtiDbContext>();
        Assert.That(await db.EvidenceContents.CountAsync(), Is.EqualTo(6), "the shared bytes once, the others once each");
        Assert.That(await db.Evidence.CountAsync(), Is.EqualTo(10));
        Assert.That(await db.Agencies.CountAsync(a => a.Code.StartsWith("000.00.4") || a.Code == "000.00.50.H50"), Is.EqualTo(10));
    }

    [Test]
    public async Task ARequestThatFindsEveryConnectionBusyIsA503WithRetryAfterAndChangesNothing()
    {
        await using var database = await TestDatabase.CreateMigratedAsync(DatabaseProvider.Postgres);
        await using var factory = new DtiApiFactory(database, PoolOf(database, size: 1, timeoutSeconds: 1));
        using var client = await CoordinatorAsync(factory);
        var agency = await client.CreateAgencyId(Ict, "Sở TT&TT");

        // The instance's only connection, held as a long request would hold it.
        await using (var holder = factory.Services.CreateAsyncScope())
        {
            var held = holder.ServiceProvider.GetRequiredService<DtiDbContext>();
            await held.Database.OpenConnectionAsync();

            var read = await client.GetAsync($"/api/v1/agencies/{agency}");
            var write = await client.PostAsJsonAsync("/api/v1/agencies", new { code = "000.00.32.H50", fullName = "Sở Y tế", shortName = "Sở Y tế", kind = "Department", validFrom = "2020-01-01" });

            foreach (var response in new[] { read, write })
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), await response.Content.ReadAsStringAsync());
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
                Assert.That(response.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(5)));
                var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
                Assert.That((problem.GetProperty("status").GetInt32(), problem.GetProperty("rule").GetString()), Is.EqualTo((503, "storage.busy")));
            }
        }

        Assert.That((await client.GetAsync($"/api/v1/agencies/{agency}")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "served again once a connection is free");
        await using var check = factory.Services.CreateAsyncScope();
        Assert.That(await check.ServiceProvider.GetRequiredService<DtiDbContext>().Agencies.CountAsync(a => a.Code == "000.00.32.H50"), Is.Zero, "the refused creation stored nothing");
    }

    private static Dictionary<string, string?> PoolOf(TestDatabase database, int size, int timeoutSeconds) => new()
    {
        ["ConnectionStrings:Dti"] = $"{database.ConnectionString};Maximum Pool Size={size};Timeout={timeoutSeconds}",
    };

    private static async Task<HttpClient> CoordinatorAsync(DtiApiFactory factory)
    {
        var client = factory.CreateClient();
        await using var scope = factory.Services.CreateAsyncScope();
        var coordinator = await scope.ServiceProvider.GetRequiredService<IMediator>()
            .Send(new CreateClientCommand(new CreateClientInput("Văn phòng UBND tỉnh (kiểm thử)", null, [ClientRole.Coordinator], null, null)));
        client.DefaultRequestHeaders.Add(ApiTestBase.ApiKeyHeader, coordinator.Value.ApiKey);
        return client;
    }
}
