using System.Reflection;
using Dti.Application.Calendar;
using Dti.Application.Common.Behaviours;
using Dti.Application.Common.Mapping;
using Dti.Application.Common.Security;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Application;

public static class DependencyInjection
{
    /// <summary>
    /// Registers MediatR 5.1.0 by hand (its DI package does not restore here): the mediator, every handler
    /// of this assembly (requests and domain-event notifications), the cached working calendar and governing frameworks, the pipeline in order — logging,
    /// one connection per request, then agency scope, then validation — and every FluentValidation validator, as a singleton.
    /// </summary>
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        var assembly = Assembly.GetExecutingAssembly();
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddSingleton<WorkingCalendarSource>();
        services.AddSingleton<Frameworks.GoverningFrameworkSource>();
        services.AddScoped<Reminders.ReminderScan>();
        services.AddScoped<Clients.Authentication.ApiKeyAuthenticator>();
        services.AddSingleton(Mappings.Application);
        services.AddSingleton<Agencies.Queries.GetAgency.AgencyById>();
        services.AddSingleton<PlanTasks.TaskAndPlanById>();
        services.AddScoped<Reports.ReportById>();

        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var handler in type.GetInterfaces().Where(i => i.IsGenericType
                && (i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>) || i.GetGenericTypeDefinition() == typeof(INotificationHandler<>))))
            {
                services.AddTransient(handler, type);
            }
        }

        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(OneConnectionBehaviour<,>));
        services.AddScoped<AgencyContext>();
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(AgencyScopeBehaviour<,>));
        services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));

        // Validators hold no state and need no service but the clock (read when they run); built once, their rules
        // are not compiled again per request.
        services.AddValidatorsFromAssembly(assembly, ServiceLifetime.Singleton);

        // A rule stops at its first failure: `.NotNull().Must(x => x.Count …)` never runs Must on null, and one message per rule is enough.
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;
        ValidatorOptions.Global.DisplayNameResolver = (_, member, _) =>
            member is null ? null : char.ToLowerInvariant(member.Name[0]) + member.Name[1..];
        return services;
    }
}
