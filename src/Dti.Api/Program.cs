using Dti.Api;
using Dti.Api.Security;
using Dti.Application;
using Dti.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(HostSettings.Options(args));
    builder.ListenOnDefaultUrlUnlessConfigured();
    builder.Services
        .AddApplication()
        .AddInfrastructure(builder.Configuration, builder.Environment)
        .AddApi(builder.Configuration);
    // Disposed on every way out, so the console log writes what it still holds (JsonLinesLogger) before the process ends.
    await using var app = builder.Build();

    if (await CommandLine.RunAsync(app, args) is { } exitCode)
    {
        return exitCode;
    }

    var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
    await DatabaseStartup.RunAsync(app.Services, database.MigrateOnStartup, app.Lifetime.ApplicationStopping);
    await ClientBootstrap.RunAsync(app.Services, app.Lifetime.ApplicationStopping);
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
