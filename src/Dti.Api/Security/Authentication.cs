using Dti.Application.Clients.Authentication;
using Dti.Application.Common.Interfaces;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Dti.Api.Security;

/// <summary>
/// API keys always; bearer tokens when <c>Auth:Jwt:Authority</c> and <c>Auth:Jwt:Audience</c> are set. A policy scheme
/// picks one per request by its header: <c>Authorization: Bearer …</c> goes to the token handler, anything else to API keys.
/// </summary>
internal static class Authentication
{
    public const string Selector = "ApiKeyOrBearer";

    public static IServiceCollection AddClientAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(AuthOptions.Section);
        services.AddOptions<AuthOptions>()
            .Bind(section)
            .Validate(o => o.KeyCacheSeconds is >= 0 and <= AuthOptions.MaxKeyCacheSeconds, $"{AuthOptions.Section}:KeyCacheSeconds must be 0–{AuthOptions.MaxKeyCacheSeconds}.")
            .ValidateOnStart();
        var jwt = (section.Get<AuthOptions>() ?? new AuthOptions()).Jwt;
        services.AddSingleton(sp => new ClientKeyCache(
            sp.GetRequiredService<TimeProvider>(), TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AuthOptions>>().Value.KeyCacheSeconds)));

        var builder = services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, "API key or bearer token", o => o.ForwardDefaultSelector = context =>
                jwt.Enabled && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtClaims.Scheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (jwt.Enabled)
        {
            builder.AddJwtBearer(JwtClaims.Scheme, o =>
            {
                o.Authority = jwt.Authority;
                o.Audience = jwt.Audience;
                o.RequireHttpsMetadata = jwt.RequireHttpsMetadata;
                o.MapInboundClaims = false;
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        context.Principal = JwtClaims.Map(context.Principal!);
                        return Task.CompletedTask;
                    },
                };
            });
        }

        services.AddAuthorization(Policies.Add);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentClient, HttpCurrentClient>();
        return services;
    }
}
