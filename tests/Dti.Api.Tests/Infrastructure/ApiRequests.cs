using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Dti.Api.Tests.Infrastructure;

/// <summary>Creates the resources most tests need through the API, asserting each creation succeeded.</summary>
public static class ApiRequests
{
    public static async Task<JsonElement> CreateAgency(
        this HttpClient client, string code, string fullName, string shortName, string kind = "Department", string validFrom = "2020-01-01", string? validTo = null, Guid? parentId = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/agencies", new { code, fullName, shortName, kind, validFrom, validTo, parentId });
        return await Created(response);
    }

    public static async Task<Guid> CreateAgencyId(this HttpClient client, string code, string shortName, string validFrom = "2020-01-01") =>
        (await client.CreateAgency(code, shortName, shortName, validFrom: validFrom)).GetProperty("id").GetGuid();

    public static object PlanBody(Guid issuer, string documentNumber = "170/KH-UBND", int year = 2023, string kind = "Plan", object[]? solutionGroups = null) => new
    {
        kind,
        documentNumber,
        issuerAgencyId = issuer,
        issueDate = "2023-08-11",
        title = "Nâng cao chỉ số chuyển đổi số tỉnh Quảng Trị (DTI)",
        firstAssessmentYear = year,
        lastAssessmentYear = year,
        targetRankGroup = "khá",
        solutionGroups = solutionGroups ?? [new { order = 1, title = "Về nhận thức số", mainIndexCode = "1" }],
    };

    public static async Task<JsonElement> CreatePlan(this HttpClient client, object body) =>
        await Created(await client.PostAsJsonAsync("/api/v1/plans", body));

    public static async Task<JsonElement> CreateTask(this HttpClient client, Guid planId, object body) =>
        await Created(await client.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", body));

    public static async Task<JsonElement> CreateAssignment(this HttpClient client, Guid planId, object body) =>
        await Created(await client.PostAsJsonAsync($"/api/v1/plans/{planId}/assignments", body));

    public static async Task<HttpResponseMessage> SendWithIfMatch(this HttpClient client, HttpMethod method, string uri, object? body, string? etag)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(EntityTagHeaderValue.Parse(etag));
        }

        return await client.SendAsync(request);
    }

    /// <summary>
    /// Sends a change the way a careful client does: reads the current ETag of <paramref name="resource"/> (by default
    /// <paramref name="uri"/> itself; for an action such as <c>/plans/{id}/issue</c>, the plan) and names it in If-Match.
    /// </summary>
    public static async Task<HttpResponseMessage> SendCurrent(this HttpClient client, HttpMethod method, string uri, object? body = null, string? resource = null) =>
        await client.SendWithIfMatch(method, uri, body, await client.ETag(resource ?? uri));

    /// <summary>Creates with PUT where nothing exists yet, saying so with <c>If-None-Match: *</c> (412 when something does).</summary>
    public static async Task<HttpResponseMessage> PutNew(this HttpClient client, string uri, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, uri) { Content = JsonContent.Create(body) };
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        return await client.SendAsync(request);
    }

    public static async Task<string> ETag(this HttpClient client, string uri)
    {
        var response = await client.GetAsync(uri);
        Assert.That(response.Headers.ETag, Is.Not.Null, $"GET {uri} answered {(int)response.StatusCode} without an ETag");
        return response.Headers.ETag!.ToString();
    }

    private static async Task<JsonElement> Created(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
