using Dti.Api;
using Dti.Application;
using Dti.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services
        .AddApplication()
        .AddInfrastructure(builder.Configuration, builder.Environment)
        .AddApi(builder.Configuration);
    var app = builder.Build();

    if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
    {
        await DatabaseStartup.RunAsync(app.Services, migrate: true, CancellationToken.None);
        Console.WriteLine("Dti.Api: database migrated.");
        return 0;
    }

    if (args.Contains("sample-data", StringComparer.OrdinalIgnoreCase))
    {
        await DatabaseStartup.LoadSampleDataAsync(app.Services, CancellationToken.None);
        Console.WriteLine("Dti.Api: database migrated and sample data loaded.");
        return 0;
    }

    var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
    await DatabaseStartup.RunAsync(app.Services, database.MigrateOnStartup, app.Lifetime.ApplicationStopping);
    app.UseApi();
    await app.RunAsync();
    return 0;
}
catch (StartupException ex)
{
    await Console.Error.WriteLineAsync($"Dti.Api cannot start: {ex.Message}");
    return 1;
}

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
