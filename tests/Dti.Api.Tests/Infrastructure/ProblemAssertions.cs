using System.Net;
using System.Text.Json;

namespace Dti.Api.Tests.Infrastructure;

/// <summary>Checks that a response is an RFC 9457 problem with the expected status, rule and field.</summary>
public static class ProblemAssertions
{
    public static async Task<JsonElement> AssertProblem(this HttpResponseMessage response, HttpStatusCode status, string? field = null, string? rule = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(status), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)status));
        Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);
        Assert.That(problem.TryGetProperty("traceId", out _), Is.True, "every problem carries a traceId");
        if (rule is not null)
        {
            Assert.That(problem.GetProperty("rule").GetString(), Is.EqualTo(rule), body);
        }

        if (field is not null)
        {
            Assert.That(problem.TryGetProperty("errors", out var errors), Is.True, $"problem should list errors: {body}");
            Assert.That(errors.EnumerateObject().Select(e => e.Name), Does.Contain(field), body);
        }

        return problem;
    }
}
