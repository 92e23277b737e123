using System.Text.Encodings.Web;
using Dti.Application.Clients.Authentication;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dti.Api.Security;

/// <summary>
/// Authenticates <c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: ApiKey &lt;key&gt;</c> against the stored key hashes, on
/// every request (see <see cref="ApiKeyAuthenticator"/> for how long a revocation made elsewhere may take). Failures say nothing about why:
/// unknown, wrong, revoked and expired keys get the same 401. The key is never logged.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyAuthenticator keys, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    /// <summary>The query parameter calendar apps put the key in; accepted only by <see cref="AcceptsKeyInQuery(HttpRequest)"/>.</summary>
    public const string QueryParameterName = "access_key";

    /// <summary>ASP.NET Core's request-line log ("Request starting GET /…?access_key=…"); kept below Information so query keys stay out of the logs.</summary>
    public const string RequestLineLogCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    private const string CalendarFeedSuffix = "/calendar.ics";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var client = await keys.AuthenticateAsync(key, Context.RequestAborted);
        if (client is null)
        {
            return AuthenticateResult.Fail("The API key is not valid.");
        }

        var identity = ClientClaims.Identity(SchemeName, client.Id.ToString(), client.Name, client.Roles.Select(r => r.ToString()), client.AgencyIds);
        return AuthenticateResult.Success(new AuthenticationTicket(new System.Security.Claims.ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append(HeaderNames.WWWAuthenticate, $"{SchemeName} realm=\"Dti.Api\", header=\"{HeaderName}\"");
        if (auth.Value.Jwt.Enabled)
        {
            Response.Headers.Append(HeaderNames.WWWAuthenticate, "Bearer realm=\"Dti.Api\"");
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The key from <c>X-Api-Key</c>, else from <c>Authorization: ApiKey …</c>, else — for calendar feeds only — from
    /// <c>?access_key=</c>; null when none is sent.
    /// </summary>
    public static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[HeaderName].ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization[(SchemeName.Length + 1)..].Trim();
        }

        var query = AcceptsKeyInQuery(request) ? request.Query[QueryParameterName].ToString() : null;
        return string.IsNullOrWhiteSpace(query) ? null : query.Trim();
    }

    /// <summary>
    /// Calendar apps subscribe to a URL and cannot send headers, so GET requests for <c>…/calendar.ics</c> — and nothing
    /// else — may carry the key in the query string. Anywhere else a key in the URL is ignored (401).
    /// </summary>
    public static bool AcceptsKeyInQuery(HttpRequest request) => AcceptsKeyInQuery(request.Method, request.Path.Value);

    /// <inheritdoc cref="AcceptsKeyInQuery(HttpRequest)"/>
    public static bool AcceptsKeyInQuery(string? method, string? path) =>
        HttpMethods.IsGet(method ?? string.Empty) && path?.EndsWith(CalendarFeedSuffix, StringComparison.OrdinalIgnoreCase) == true;
}
