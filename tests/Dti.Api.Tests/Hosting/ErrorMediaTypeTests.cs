using System.Net;
using System.Text;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Hosting;

/// <summary>
/// Every error is an <c>application/problem+json</c> body, whatever <c>Accept</c> asks for: a calendar app asking an unknown
/// agency's feed for <c>text/calendar</c> gets a readable 404, not an empty 500 (429 and 500: RateLimitHeaderTests, StorageFailureTests).
/// </summary>
public sealed class ErrorMediaTypeTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    /// <summary>Over the 256 KiB limit of JSON commands (RequestBodyLimits.Json).</summary>
    private const int BodyLimit = (256 * 1024) + 1;

    public enum Failure
    {
        BadRequest,
        Unauthenticated,
        Forbidden,
        UnknownFeed,
        UnknownRoute,
        WrongMethod,
        Conflict,
        BodyTooLarge,
        WrongMediaType,
    }

    public static readonly string?[] Accepts = [null, "text/calendar", "text/html", "application/xml", "text/plain", "text/html, application/xhtml+xml;q=0.9"];

    [Test]
    public async Task EveryErrorIsAProblemWhateverAcceptSays([Values] Failure failure, [ValueSource(nameof(Accepts))] string? accept)
    {
        var (status, request, client) = await Provoke(failure);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await client.SendAsync(request);

        await response.AssertProblem(status);
        if (status == HttpStatusCode.Unauthorized)
        {
            Assert.That(response.Headers.WwwAuthenticate, Is.Not.Empty, "a 401 still says how to authenticate");
        }
    }

    private async Task<(HttpStatusCode Status, HttpRequestMessage Request, HttpClient Client)> Provoke(Failure failure)
    {
        const string agency = """{"code":"000.00.31.H50","fullName":"Sở Khoa học và Công nghệ","shortName":"Sở KH&CN","kind":"Department","validFrom":"2020-01-01"}""";
        switch (failure)
        {
            case Failure.BadRequest:
                return (HttpStatusCode.BadRequest, new HttpRequestMessage(HttpMethod.Get, "/api/v1/agencies?pageSize=0"), Client);
            case Failure.Unauthenticated:
                return (HttpStatusCode.Unauthorized, new HttpRequestMessage(HttpMethod.Get, "/api/v1/frameworks"), Anonymous);
            case Failure.Forbidden:
                return (HttpStatusCode.Forbidden, JsonRequest(HttpMethod.Post, "/api/v1/agencies", agency), await CreateClientAsync(ClientRole.Reader));
            case Failure.UnknownFeed:
                return (HttpStatusCode.NotFound, new HttpRequestMessage(HttpMethod.Get, $"/api/v1/agencies/{Guid.NewGuid()}/calendar.ics"), Client);
            case Failure.UnknownRoute:
                return (HttpStatusCode.NotFound, new HttpRequestMessage(HttpMethod.Get, "/api/v1/nothing-here"), Client);
            case Failure.WrongMethod:
                return (HttpStatusCode.MethodNotAllowed, new HttpRequestMessage(HttpMethod.Delete, "/api/v1/frameworks"), Client);
            case Failure.Conflict:
                using (var first = await Client.SendAsync(JsonRequest(HttpMethod.Post, "/api/v1/agencies", agency)))
                {
                    Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
                }

                return (HttpStatusCode.Conflict, JsonRequest(HttpMethod.Post, "/api/v1/agencies", agency), Client);
            case Failure.BodyTooLarge:
                return (HttpStatusCode.RequestEntityTooLarge, JsonRequest(HttpMethod.Post, "/api/v1/agencies", $$"""{"fullName":"{{new string('x', BodyLimit)}}"}"""), Client);
            default:
                return (HttpStatusCode.UnsupportedMediaType, new HttpRequestMessage(HttpMethod.Post, "/api/v1/agencies") { Content = new StringContent(agency, Encoding.UTF8, "text/plain") }, Client);
        }
    }

    private static HttpRequestMessage JsonRequest(HttpMethod method, string url, string json) =>
        new(method, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
}
