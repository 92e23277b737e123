using Dti.Infrastructure.Persistence.ReferenceData;
using Dti.Infrastructure.Persistence.SampleData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace Dti.Infrastructure.Persistence;

/// <summary>What the API does with its database before it serves: reach it, migrate it, load reference data.</summary>
public sealed partial class DatabaseStartup(
    DtiDbContext db,
    IOptions<DatabaseOptions> options,
    IOptions<SampleDataOptions> sampleData,
    ReferenceDataSeeder seeder,
    SampleDataLoader sampleLoader,
    ILogger<DatabaseStartup> logger)
{
    public static async Task RunAsync(IServiceProvider services, bool migrate, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().PrepareAsync(migrate, cancellationToken);
    }

    /// <summary>The <c>sample-data</c> verb: migrate, then load the sample data whatever <c>SampleData:Load</c> says.</summary>
    public static async Task LoadSampleDataAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var startup = scope.ServiceProvider.GetRequiredService<DatabaseStartup>();
        await startup.PrepareAsync(migrate: true, cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SampleDataLoader>().LoadAsync(cancellationToken);
    }

    public async Task PrepareAsync(bool migrate, CancellationToken cancellationToken)
    {
        await EnsureReachableAsync(cancellationToken);
        if (migrate)
        {
            await MigrateAsync(cancellationToken);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList() is { Count: > 0 } pending)
        {
            throw new StartupException(
                $"The database has {pending.Count} pending migration(s) ({string.Join(", ", pending)}) and Database:MigrateOnStartup is false. Run 'dotnet Dti.Api.dll migrate' (or 'dotnet run --project src/Dti.Api -- migrate') first.");
        }

        if (options.Value.SeedReferenceData)
        {
            await seeder.SeedAsync(cancellationToken);
        }

        if (sampleData.Value.Load)
        {
            await sampleLoader.LoadAsync(cancellationToken);
        }
    }

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        MigrationsApplied(logger, pending.Count, string.Join(", ", pending));
    }

    private async Task EnsureReachableAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var builder = new ResiliencePipelineBuilder();
        if (settings.StartupConnectAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.StartupConnectAttempts - 1,
                Delay = TimeSpan.FromSeconds(1),
                BackoffType = DelayBackoffType.Exponential,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ex => ex is not OperationCanceledException),
                OnRetry = args =>
                {
                    RetryingConnect(logger, args.AttemptNumber + 1, args.Outcome.Exception?.Message);
                    return ValueTask.CompletedTask;
                },
            });
        }

        var pipeline = builder.Build();
        try
        {
            await pipeline.ExecuteAsync(
                async token =>
                {
                    await db.Database.OpenConnectionAsync(token);
                    await db.Database.CloseConnectionAsync();
                },
                cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new StartupException(
                $"Cannot reach the database set by ConnectionStrings:Dti (Database:Provider={settings.Provider}): {ex.GetBaseException().Message}", ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database migrated; {Count} migration(s) applied: {Migrations}")]
    private static partial void MigrationsApplied(ILogger logger, int count, string migrations);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Database not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void RetryingConnect(ILogger logger, int attempt, string? reason);
}
