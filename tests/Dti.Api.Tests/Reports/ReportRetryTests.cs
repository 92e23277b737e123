using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Reports;

/// <summary>
/// Creating and submitting a report are safe to retry with an <c>Idempotency-Key</c>: a client that lost the answer
/// (a dropped connection on a provincial network) sends the same request again and gets the same answer, and the
/// report is created, or its version frozen, once.
/// </summary>
public sealed class ReportRetryTests(DatabaseProvider provider) : ReportFixture(provider)
{
    [Test]
    public async Task FiftyConcurrentSubmissionsWithOneKeyFreezeExactlyOneVersion()
    {
        var draft = await CreatePeriodic(IctReporter, Ict);
        var filled = await Expect(await Put(IctReporter, draft, Content(("7", 152.5m, 150m))));

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Submit(filled, "nop-bao-cao-quy-4-2023")));
        var retry = await Submit(filled, "nop-bao-cao-quy-4-2023");

        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.Multiple(async () =>
        {
            Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.GreaterThanOrEqualTo(1));
            Assert.That(statuses, Is.All.AnyOf(HttpStatusCode.OK, HttpStatusCode.Conflict));
            Assert.That(await InDatabase(db => db.ReportVersions.CountAsync(v => v.ReportId == filled.Id)), Is.EqualTo(1));
            Assert.That(retry.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(retry.Headers.GetValues("Idempotent-Replayed").Single(), Is.EqualTo("true"));
            Assert.That((await ReadJson(retry)).GetProperty("latestVersionNumber").GetInt32(), Is.EqualTo(1));
        });
        foreach (var conflict in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            await conflict.AssertProblem(HttpStatusCode.Conflict, rule: "idempotency.in-flight");
        }
    }

    [Test]
    public async Task ARetriedCreationReturnsTheSameDraftAndADifferentBodyUnderTheKeyIsRefused()
    {
        var body = new { kind = "Periodic", agencyId = Ict, planId = Plan, deadlineRuleId = Quarterly, periodId = Q4 };

        var first = await Create(body, "tao-bao-cao-quy-4");
        var again = await Create(body, "tao-bao-cao-quy-4");
        var changed = await Create(body with { periodId = "2023Q3" }, "tao-bao-cao-quy-4");

        var created = await Expect(first, HttpStatusCode.Created);
        var replayed = await Expect(again, HttpStatusCode.Created);
        Assert.That((replayed.Id, again.Headers.GetValues("Idempotent-Replayed").Single()), Is.EqualTo((created.Id, "true")));
        await changed.AssertProblem(HttpStatusCode.UnprocessableEntity, "Idempotency-Key");
        Assert.That(await InDatabase(db => db.Reports.CountAsync()), Is.EqualTo(1));
    }

    private async Task<HttpResponseMessage> Submit(ReportFixture.Step report, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/reports/{report.Id}/submit");
        request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(report.ETag));
        request.Headers.Add("Idempotency-Key", key);
        return await IctReporter.SendAsync(request);
    }

    private async Task<HttpResponseMessage> Create(object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reports") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await IctReporter.SendAsync(request);
    }
}
