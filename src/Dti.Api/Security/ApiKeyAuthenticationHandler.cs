using System.Text.Encodings.Web;
using Dti.Application.Clients.Queries.AuthenticateClient;
using MediatR;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Dti.Api.Security;

/// <summary>
/// Authenticates <c>X-Api-Key: &lt;key&gt;</c> or <c>Authorization: ApiKey &lt;key&gt;</c> against the stored key hashes, on
/// every request (no credential cache, so rotation and revocation apply at once). Failures say nothing about why:
/// unknown, wrong, revoked and expired keys get the same 401. The key is never logged.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IMediator mediator, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = PresentedKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        var client = await mediator.Send(new AuthenticateClientQuery(key), Context.RequestAborted);
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

    /// <summary>The key from <c>X-Api-Key</c>, else from <c>Authorization: ApiKey …</c>; null when neither is sent.</summary>
    public static string? PresentedKey(HttpRequest request)
    {
        var header = request.Headers[HeaderName].ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            return header.Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase) ? authorization[(SchemeName.Length + 1)..].Trim() : null;
    }
}
