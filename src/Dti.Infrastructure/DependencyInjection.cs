using Dti.Application.Common.Interfaces;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.Auditing;
using Dti.Infrastructure.Persistence.ReferenceData;
using Dti.Infrastructure.Persistence.SampleData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dti.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> with the auditing interceptor (it needs an
    /// <see cref="ICurrentClient"/>, which the host registers), the reference-data seeder, the opt-in sample data
    /// and the readiness check. Throws <see cref="StartupException"/> naming the setting when configuration is wrong.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(DatabaseOptions.Section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = DatabaseRegistration.ParseProvider(options.Provider);
        var connectionString = DatabaseRegistration.ConnectionString(configuration, options, provider, environment);

        services.Configure<DatabaseOptions>(section);
        services.AddScoped<AuditingInterceptor>();
        services.AddDbContext<DtiDbContext>((sp, builder) =>
        {
            DatabaseRegistration.Configure(builder, provider, connectionString);
            builder.AddInterceptors(sp.GetRequiredService<AuditingInterceptor>());
        });
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<DtiDbContext>());
        services.Configure<SampleDataOptions>(configuration.GetSection(SampleDataOptions.Section));
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<SampleDataLoader>();
        services.AddScoped<DatabaseStartup>();
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddDbContextCheck<DtiDbContext>("database", tags: ["ready"]);
        return services;
    }
}
