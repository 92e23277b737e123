using Dti.Application.Common.Interfaces;
using Dti.Application.Evidence;
using Dti.Application.Reminders;
using Dti.Application.Webhooks;
using Dti.Application.SelfAssessments;
using Dti.Infrastructure.Evidence;
using Dti.Infrastructure.Idempotency;
using Dti.Infrastructure.Outbox;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.Auditing;
using Dti.Infrastructure.Persistence.Metrics;
using Dti.Infrastructure.Persistence.ReferenceData;
using Dti.Infrastructure.Persistence.SampleData;
using Dti.Infrastructure.Reminders;
using Dti.Infrastructure.Webhooks;
using Dti.Infrastructure.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Polly;

namespace Dti.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> with the auditing interceptor (it needs an
    /// <see cref="ICurrentClient"/>, which the host registers) and the outbox interceptor, the outbox dispatcher,
    /// the reference-data seeder, the opt-in sample data and the readiness check. Throws <see cref="StartupException"/> naming the setting when configuration is wrong.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(DatabaseOptions.Section);
        var options = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = DatabaseRegistration.ParseProvider(options.Provider);
        var connectionString = DatabaseRegistration.ConnectionString(configuration, options, provider, environment);

        services.Configure<DatabaseOptions>(section);
        // Pooled: the options are built once and contexts are reused, instead of both per request. The interceptors are
        // shared, so each scope hands the context it rents whom its writes are audited under.
        services.AddSingleton<AuditingInterceptor>();
        services.AddSingleton<OutboxInterceptor>();
        services.AddSingleton<DatabaseTime>();
        services.AddPooledDbContextFactory<DtiDbContext>((sp, builder) =>
        {
            DatabaseRegistration.Configure(builder, provider, connectionString);
            builder.AddInterceptors(sp.GetRequiredService<AuditingInterceptor>(), sp.GetRequiredService<OutboxInterceptor>(), sp.GetRequiredService<DatabaseTime>());
        });
        services.AddScoped<ScopedDtiDbContext>();
        services.AddScoped(sp => sp.GetRequiredService<ScopedDtiDbContext>().Context);
        services.AddOutbox(configuration);
        services.AddWebhooks(configuration);
        services.AddReminders(configuration);
        services.AddEvidence(configuration, environment);
        services.AddIdempotency(configuration);
        var signing = configuration.GetSection(SnapshotSigningOptions.Section).Get<SnapshotSigningOptions>() ?? new SnapshotSigningOptions();
        services.AddSingleton<ISnapshotSigner>(new CmsSnapshotSigner(signing, environment.ContentRootPath));
        services.AddScoped<IApplicationDbContext>(sp => sp.GetRequiredService<ScopedDtiDbContext>().Context);
        services.Configure<SampleDataOptions>(configuration.GetSection(SampleDataOptions.Section));
        services.AddScoped<ReferenceDataSeeder>();
        services.AddScoped<SampleDataLoader>();
        services.AddScoped<DatabaseStartup>();
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks().AddDbContextCheck<DtiDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>
    /// Evidence settings and the content store they choose: the database (default) or a folder, which must be named
    /// (<c>Evidence:Folder</c>, relative to the content root).
    /// </summary>
    private static void AddEvidence(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(EvidenceOptions.Section);
        services.AddOptions<EvidenceOptions>()
            .Bind(section)
            .Validate(o => o.MaxFileBytes is >= 1 and <= EvidenceOptions.MaxMaxFileBytes, $"{EvidenceOptions.Section}:MaxFileBytes must be 1–{EvidenceOptions.MaxMaxFileBytes}.")
            .ValidateOnStart();
        EvidenceOptions settings;
        try
        {
            settings = section.Get<EvidenceOptions>() ?? new EvidenceOptions();
        }
        catch (InvalidOperationException)
        {
            throw new StartupException($"{EvidenceOptions.Section}:Store is '{section["Store"]}', which is not supported. Use one of: {string.Join(", ", Enum.GetNames<EvidenceStore>())}.");
        }

        if (settings.Store == EvidenceStore.Folder)
        {
            if (string.IsNullOrWhiteSpace(settings.Folder))
            {
                throw new StartupException($"{EvidenceOptions.Section}:Folder is not set. {EvidenceOptions.Section}:Store=Folder needs the folder evidence files are kept in.");
            }

            var root = Path.GetFullPath(settings.Folder, environment.ContentRootPath);
            services.AddScoped<IEvidenceContentStore>(sp => new FolderContentStore(sp.GetRequiredService<DtiDbContext>(), root));
        }
        else
        {
            services.AddScoped<IEvidenceContentStore, DatabaseContentStore>();
        }
    }

    /// <summary>The Idempotency-Key claims and stored responses, kept in the database.</summary>
    private static void AddIdempotency(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<IdempotencyOptions>()
            .Bind(configuration.GetSection(IdempotencyOptions.Section))
            .Validate(o => o.RetentionHours is >= 24 and <= IdempotencyOptions.MaxRetentionHours, $"{IdempotencyOptions.Section}:RetentionHours must be 24–{IdempotencyOptions.MaxRetentionHours}: retries are replayed for at least a day.")
            .Validate(o => o.ClaimTimeoutSeconds >= 1, $"{IdempotencyOptions.Section}:ClaimTimeoutSeconds must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<IdempotencyStore>();
    }

    /// <summary>The dispatcher that publishes stored domain events after commit, and its background loop.</summary>
    private static void AddOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.Section))
            .Validate(o => o.BatchSize is >= 1 and <= OutboxOptions.MaxBatchSize, $"{OutboxOptions.Section}:BatchSize must be 1–{OutboxOptions.MaxBatchSize}.")
            .Validate(o => o.MaxAttempts >= 1, $"{OutboxOptions.Section}:MaxAttempts must be at least 1.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.ClaimDuration > TimeSpan.Zero, $"{OutboxOptions.Section}:PollInterval and ClaimDuration must be positive.")
            .Validate(o => o.WakeDelay >= TimeSpan.Zero, $"{OutboxOptions.Section}:WakeDelay must be 0 or more.")
            .Validate(o => o.RetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay, $"{OutboxOptions.Section}:RetryDelay must be 0 or more and at most MaxRetryDelay.")
            .Validate(o => o.ProcessedRetention >= TimeSpan.Zero && o.PurgeInterval > TimeSpan.Zero, $"{OutboxOptions.Section}:ProcessedRetention must be 0 or more and PurgeInterval positive.")
            .ValidateOnStart();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<EventAudience>();
        services.AddSingleton<OutboxDispatcher>();
        services.AddHostedService<OutboxDispatchLoop>();
    }

    /// <summary>Reminder settings and the scan, run periodically on every instance (scans take turns through a locked row).</summary>
    private static void AddReminders(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReminderOptions>()
            .Bind(configuration.GetSection(ReminderOptions.Section))
            .Validate(o => o.ScanInterval > TimeSpan.Zero, $"{ReminderOptions.Section}:ScanInterval must be positive.")
            .Validate(o => o.DueSoonWorkingDays is >= 1 and <= ReminderOptions.MaxWorkingDays, $"{ReminderOptions.Section}:DueSoonWorkingDays must be 1–{ReminderOptions.MaxWorkingDays}.")
            .Validate(o => o.EscalateAfterWorkingDays is >= 1 and <= ReminderOptions.MaxWorkingDays, $"{ReminderOptions.Section}:EscalateAfterWorkingDays must be 1–{ReminderOptions.MaxWorkingDays}.")
            .ValidateOnStart();
        services.AddSingleton<ReminderScanner>();
        services.AddHostedService<ReminderScanLoop>();
    }

    /// <summary>
    /// Webhook settings, the sender's HttpClient (no redirects; each attempt bounded by <see cref="WebhookOptions.AttemptTimeout"/>
    /// through a resilience pipeline) and the dispatcher with its background loop.
    /// </summary>
    private static void AddWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.BatchSize is >= 1 and <= OutboxOptions.MaxBatchSize, $"{WebhookOptions.Section}:BatchSize must be 1–{OutboxOptions.MaxBatchSize}.")
            .Validate(o => o.MaxAttempts >= 1 && o.PauseAfterFailures >= 1 && o.DisableAfterFailures >= 1, $"{WebhookOptions.Section}:MaxAttempts, PauseAfterFailures and DisableAfterFailures must be at least 1.")
            // A pass posts its batch one by one: its claim must outlast BatchSize attempts, or another instance takes the rest and posts them twice.
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.AttemptTimeout > TimeSpan.Zero && o.ClaimDuration > o.AttemptTimeout * o.BatchSize, $"{WebhookOptions.Section}:PollInterval and AttemptTimeout must be positive, ClaimDuration longer than BatchSize × AttemptTimeout.")
            .Validate(o => o.RetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay && o.PauseDuration >= TimeSpan.Zero, $"{WebhookOptions.Section}:RetryDelay and PauseDuration must be 0 or more, RetryDelay at most MaxRetryDelay.")
            .Validate(o => o.PublicBaseUrl is null || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out _), $"{WebhookOptions.Section}:PublicBaseUrl must be an absolute URL.")
            .ValidateOnStart();
        services.AddHttpClient<WebhookSender>()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            .AddResilienceHandler("webhook-attempt", (pipeline, context) =>
                pipeline.AddTimeout(context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value.AttemptTimeout));
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService<WebhookDispatchLoop>();
    }
}
