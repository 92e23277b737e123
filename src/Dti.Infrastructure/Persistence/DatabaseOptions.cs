namespace Dti.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "Dti";

    /// <summary><c>Sqlite</c> (embedded default), <c>Postgres</c> or <c>SqlServer</c>.</summary>
    public string Provider { get; set; } = nameof(DatabaseProvider.Sqlite);

    /// <summary>SQLite file used when <c>ConnectionStrings:Dti</c> is not set.</summary>
    public string SqlitePath { get; set; } = "dti.db";

    /// <summary>Apply pending migrations when the API starts (else run the <c>migrate</c> verb).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the reference frameworks when the API starts.</summary>
    public bool SeedReferenceData { get; set; } = true;

    /// <summary>How many times start-up retries reaching the database before giving up.</summary>
    public int StartupConnectAttempts { get; set; } = 3;
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
