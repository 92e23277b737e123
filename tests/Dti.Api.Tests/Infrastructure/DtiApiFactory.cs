using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Dti.Api.Tests.Infrastructure;

/// <summary>
/// The real application, in memory, on a real database of the given provider. Logs are dropped below warnings,
/// unless <paramref name="logs"/> is given: then every message of every level goes to it. <paramref name="services"/>
/// adds test-only services (such as a <see cref="QueryLog"/>) after the application's own.
/// </summary>
public sealed class DtiApiFactory(
    TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database { get; } = database;

    /// <summary>Fixtures run side by side (Parallelism.cs), but hosts start one at a time: a start runs the program's
    /// entry point, which the factory intercepts through process-wide hooks. A start takes a tenth of a second.</summary>
    private static readonly Lock StartGate = new();

    protected override IHost CreateHost(IHostBuilder builder)
    {
        lock (StartGate)
        {
            return base.CreateHost(builder);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Dti", Database.ConnectionString);
        builder.UseSetting("Database:StartupConnectAttempts", "1");

        // Reminder scans follow the wall clock, on which other tests' data may fall due on some day of the year: tests
        // that want reminders run the scan themselves (ReminderTests) or turn the loop on (the two-process test).
        builder.UseSetting("Reminders:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders().SetMinimumLevel(logs is null ? LogLevel.Warning : LogLevel.Trace);
            if (logs is not null)
            {
                logging.AddFilter(_ => true).AddProvider(logs);
            }
        });
    }
}
