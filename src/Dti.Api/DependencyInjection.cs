using System.Diagnostics;
using System.Reflection;
using Dti.Api.ErrorHandling;
using Dti.Api.Idempotency;
using Dti.Api.Observability;
using Dti.Api.OpenApi;
using Dti.Api.Security;
using Dti.Api.Versioning;
using Dti.Application.Deadlines;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;

namespace Dti.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DeadlineOptions>()
            .Bind(configuration.GetSection(DeadlineOptions.Section))
            .Validate(o => o.DueSoonWorkingDays is >= 0 and <= DeadlineOptions.MaxDueSoonWorkingDays, $"{DeadlineOptions.Section}:DueSoonWorkingDays must be 0–{DeadlineOptions.MaxDueSoonWorkingDays}.")
            .ValidateOnStart();
        services.AddClientAuthentication(configuration);

        // "Request starting GET …?access_key=…" would put calendar feed keys in the logs (see docs/security.md).
        services.AddLogging(logging => logging.AddFilter(ApiKeyAuthenticationHandler.RequestLineLogCategory, LogLevel.Warning));
        services.AddJsonLinesConsole(configuration);
        services.AddRateLimits(configuration);
        services.AddMetrics(configuration);
        services.Configure<JsonOptions>(o => JsonConventions.Apply(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => JsonConventions.Apply(o.JsonSerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        // Before AddProblemDetails: the first writer that accepts a problem writes it, and this one always does.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => "No resource at this address. Routes live under /api/v1; see /swagger.",
                StatusCodes.Status405MethodNotAllowed => "This address does not accept this HTTP method; see /swagger.",
                StatusCodes.Status415UnsupportedMediaType => "This operation accepts 'application/json' bodies (CSV imports accept 'text/csv', evidence uploads 'multipart/form-data').",
                StatusCodes.Status401Unauthorized => "Missing or invalid credentials. Send a valid API key as 'X-Api-Key: <key>' (or 'Authorization: ApiKey <key>').",
                StatusCodes.Status403Forbidden => "Your client's role does not allow this operation.",
                StatusCodes.Status429TooManyRequests => "Too many requests from this client. Retry after the number of seconds in the Retry-After header.",
                _ => null,
            };
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddEndpointsApiExplorer();
        services.AddApiVersions(configuration);
        services.AddSingleton<ValidatorRules>();
        services.AddSwaggerGen(o =>
        {
            o.SupportNonNullableReferenceTypes();
            o.SchemaFilter<WireFormatsSchemaFilter>();
            o.SchemaFilter<ItemLimitsSchemaFilter>();
            o.SchemaFilter<ValidationRulesSchemaFilter>();
            o.SchemaFilter<NullabilitySchemaFilter>();
            o.SchemaFilter<ProblemDetailsSchemaFilter>();
            o.OperationFilter<ParameterRulesFilter>();
            o.OperationFilter<DownloadResponseFilter>();
            o.OperationFilter<StandardResponsesFilter>();
            o.OperationFilter<RequestBodyLimitFilter>();
            o.OperationFilter<StoresNothing.Filter>();
            o.OperationFilter<IfMatchHeaderFilter>();
            o.OperationFilter<IdempotencyKeyHeaderFilter>();
            o.DocumentFilter<UnusedSchemasFilter>();
            o.AddSecurityDefinition(ApiKeyAuthenticationHandler.SchemeName, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = ApiKeyAuthenticationHandler.HeaderName,
                Description = "The client's API key, `dti_<keyId>_<secret>`; `Authorization: ApiKey <key>` works too.",
            });
            o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
            {
                [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [],
            });
            o.AddSecurityDefinition(StandardResponsesFilter.AccessKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Query,
                Name = ApiKeyAuthenticationHandler.QueryParameterName,
                Description = "The API key in the URL, for calendar apps that cannot send headers: accepted only by GET requests for `…/calendar.ics`, and kept out of the request logs.",
            });
            if ((configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions()).Jwt.Enabled)
            {
                o.AddSecurityDefinition(JwtClaims.Scheme, new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "A token from the identity provider set in Auth:Jwt:Authority, validated as RFC8725 (JWT Best Current Practices) asks: signed with the provider's published keys (unsigned tokens refused), issuer, audience and lifetime checked.",
                });
                o.AddSecurityRequirement(document => new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(JwtClaims.Scheme, document)] = [],
                });
            }
            var xml = Path.Combine(AppContext.BaseDirectory, $"{Assembly.GetExecutingAssembly().GetName().Name}.xml");
            if (File.Exists(xml))
            {
                o.IncludeXmlComments(xml);
            }
        });
        return services;
    }

    public static WebApplication UseApi(this WebApplication app)
    {
        // Mapped before the middleware is declared (order of mapping does not affect the pipeline) because the
        // Swagger UI below lists one document per API version these endpoints declare.
        app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription().AllowAnonymous();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapMetrics();

        // Authenticated by default; each endpoint narrows it with a named policy (see Security/Policies.cs).
        app.MapVersionedApi(group =>
        {
            var api = group.RequireAuthorization()
                .AddEndpointFilterFactory(Endpoints.OptionalParameterBinding.Filter)
                .AddEndpointFilter<Endpoints.TextParameters>();
            Endpoints.FrameworkEndpoints.MapFrameworkEndpoints(api);
            Endpoints.CalendarEndpoints.MapCalendarEndpoints(api);
            Endpoints.DeadlineRuleEndpoints.MapDeadlineRuleEndpoints(api);
            Endpoints.ClientEndpoints.MapClientEndpoints(api);
            Endpoints.WebhookEndpoints.MapWebhookEndpoints(api);
            Endpoints.AuditEndpoints.MapAuditEndpoints(api);
            Endpoints.AgencyEndpoints.MapAgencyEndpoints(api);
            Endpoints.PlanEndpoints.MapPlanEndpoints(api);
            Endpoints.TaskEndpoints.MapTaskEndpoints(api);
            Endpoints.AssignmentEndpoints.MapAssignmentEndpoints(api);
            Endpoints.ObligationEndpoints.MapObligationEndpoints(api);
            Endpoints.EvidenceEndpoints.MapEvidenceEndpoints(api);
            Endpoints.ReportEndpoints.MapReportEndpoints(api);
            Endpoints.ReportRequestEndpoints.MapReportRequestEndpoints(api);
            Endpoints.CompletenessEndpoints.MapCompletenessEndpoints(api);
            Endpoints.ComplianceEndpoints.MapComplianceEndpoints(api);
            Endpoints.SelfAssessmentEndpoints.MapSelfAssessmentEndpoints(api);
            Endpoints.ResultEndpoints.MapResultEndpoints(api);
        });

        app.UseMiddleware<Observability.RequestLog>();
        // Outside the exception handler, so that a key's stored response is the problem a failure became, as sent.
        app.UseMiddleware<IdempotentResponses>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<NoStoreResponses>();
        // Only under /swagger: elsewhere the Swagger UI would still match every request's path against its regular expressions.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase), swagger => swagger
            .UseSwagger()
            .UseSwaggerUI(o =>
            {
                VersionedDocuments.AddEndpoints(o, app.DescribeApiVersions());
                o.DocumentTitle = "Dti.Api";
            }));
        app.UseAuthentication();
        app.UseRateLimitHeaders();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseMiddleware<Endpoints.IfMatchPrecondition>();
        app.UseMiddleware<IdempotentRequests>();
        return app;
    }
}
