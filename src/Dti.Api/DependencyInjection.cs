using System.Diagnostics;
using System.Reflection;
using Dti.Api.ErrorHandling;
using Dti.Api.OpenApi;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;

namespace Dti.Api;

public static class DependencyInjection
{
    public static IServiceCollection AddApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.Configure<JsonOptions>(o => JsonConventions.Apply(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => JsonConventions.Apply(o.JsonSerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Detail ??= context.ProblemDetails.Status switch
            {
                StatusCodes.Status404NotFound => "No resource at this address. Routes live under /api/v1; see /swagger.",
                StatusCodes.Status405MethodNotAllowed => "This address does not accept this HTTP method; see /swagger.",
                StatusCodes.Status415UnsupportedMediaType => "This operation accepts 'application/json' bodies (CSV imports accept 'text/csv').",
                _ => null,
            };
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.Id ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(o =>
        {
            o.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "Dti.Api",
                Version = "v1",
                Description = "Provincial Digital Transformation Index (DTI) work: frameworks, agencies, plans, assignments, deadlines, reports and assessments.",
            });
            o.SupportNonNullableReferenceTypes();
            o.OperationFilter<StandardResponsesFilter>();
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
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyLimit>();
        app.UseSwagger();
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/swagger/v1/swagger.json", "Dti.Api v1");
            o.DocumentTitle = "Dti.Api";
        });

        app.MapGet("/", () => Results.Redirect("/swagger")).ExcludeFromDescription();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });

        var v1 = app.MapGroup("/api/v1");
        Endpoints.FrameworkEndpoints.MapFrameworkEndpoints(v1);
        Endpoints.AgencyEndpoints.MapAgencyEndpoints(v1);
        Endpoints.PlanEndpoints.MapPlanEndpoints(v1);
        Endpoints.TaskEndpoints.MapTaskEndpoints(v1);
        Endpoints.AssignmentEndpoints.MapAssignmentEndpoints(v1);
        return app;
    }
}
