using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Dti.Api.Tests.Hosting;

/// <summary>The built API started as a real process, as an operator would: bad settings stop it with one clear line.</summary>
public sealed class StartupTests
{
    [Test]
    public async Task AnUnknownProviderStopsStartupNamingTheSetting()
    {
        var run = await Run(new() { ["Database__Provider"] = "Oracle" });

        AssertStoppedCleanly(run, "Database:Provider is 'Oracle'");
    }

    [TestCase("Postgres")]
    [TestCase("SqlServer")]
    public async Task AServerProviderWithoutAConnectionStringStopsStartupNamingTheSetting(string provider)
    {
        var run = await Run(new() { ["Database__Provider"] = provider });

        AssertStoppedCleanly(run, "ConnectionStrings:Dti is not set");
    }

    [TestCase("Postgres", "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=2")]
    [TestCase("SqlServer", "Server=127.0.0.1,1;Database=dti;User Id=nobody;Password=x;Connect Timeout=2;TrustServerCertificate=true")]
    public async Task AnUnreachableDatabaseStopsStartupNamingTheSetting(string provider, string connectionString)
    {
        var run = await Run(new()
        {
            ["Database__Provider"] = provider,
            ["ConnectionStrings__Dti"] = connectionString,
            ["Database__StartupConnectAttempts"] = "1",
        });

        AssertStoppedCleanly(run, $"Cannot reach the database set by ConnectionStrings:Dti (Database:Provider={provider})");
    }

    [TestCase("Folder", "", "Evidence:Folder is not set")]
    [TestCase("Cloud", "", "Evidence:Store is 'Cloud', which is not supported")]
    public async Task AnEvidenceStoreThatCannotWorkStopsStartupNamingTheSetting(string store, string folder, string message)
    {
        var run = await Run(new() { ["Evidence__Store"] = store, ["Evidence__Folder"] = folder });

        AssertStoppedCleanly(run, message);
    }

    [Test]
    public async Task ALifecycleForAVersionNotServedStopsStartupNamingTheSetting()
    {
        var run = await Run(new() { ["Api__Versions__2.0__Sunset"] = "2030-12-31" });

        AssertStoppedCleanly(run, "Api:Versions:2.0 names API version '2.0', which this API does not serve");
    }

    [Test]
    public async Task AnUnmigratedDatabaseWithStartupMigrationOffStopsStartupSayingWhatToRun()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dti-unmigrated-{Guid.NewGuid():N}.db");
        try
        {
            var run = await Run(new() { ["Database__SqlitePath"] = path, ["Database__MigrateOnStartup"] = "false" });

            AssertStoppedCleanly(run, "pending migration");
            Assert.That(run.Output, Does.Contain("migrate"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public async Task TheMigrateVerbMigratesAnEmbeddedDatabaseAndExits()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dti-migrate-{Guid.NewGuid():N}.db");
        try
        {
            var run = await Run(new() { ["Database__SqlitePath"] = path }, "migrate");

            Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM \"__EFMigrationsHistory\"";
            Assert.That(Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(0));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Test]
    public async Task TheSampleDataVerbLoadsTheSeedsOnceAndExits()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dti-sample-{Guid.NewGuid():N}.db");
        try
        {
            var first = await Run(new() { ["Database__SqlitePath"] = path }, "sample-data");
            var second = await Run(new() { ["Database__SqlitePath"] = path }, "sample-data");

            Assert.That((first.ExitCode, second.ExitCode), Is.EqualTo((0, 0)), first.Output + second.Output);
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT count(*) FROM \"Plans\") || ' ' || (SELECT count(*) FROM \"Reports\") || ' ' || (SELECT count(*) FROM \"ReportVersions\")";
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo("4 5 5"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Test]
    public async Task TheMigrateVerbMigratesPostgres()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);

        var run = await Run(new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Dti"] = database.ConnectionString }, "migrate");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM \"Frameworks\"", connection);
        Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(2L), "reference frameworks loaded");
    }

    [Test]
    public async Task TheCreateClientVerbPrintsANewKeyOnceAndExits()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dti-client-{Guid.NewGuid():N}.db");
        try
        {
            var agency = Guid.NewGuid();
            var run = await Run(
                new() { ["Database__SqlitePath"] = path },
                "create-client", "--name", "Sở Nội vụ", "--role", "AgencyReporter", "--agency", agency.ToString(), "--expires", "2099-12-31");

            Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
            Assert.That(System.Text.RegularExpressions.Regex.Matches(run.Output, "dti_[0-9a-f]{16}_[A-Za-z0-9_-]{43}"), Has.Count.EqualTo(1), run.Output);
            Assert.That(run.Output, Does.Contain("created client").And.Contain("AgencyReporter"));
            Assert.That(run.Output, Does.Not.Contain("no clients existed"), "the verb does not also bootstrap a coordinator");
            await using var connection = new SqliteConnection($"Data Source={path};Pooling=false");
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT a.\"AgencyId\", c.\"ExpiresAt\" FROM \"Clients\" AS c JOIN \"ClientAgencies\" AS a ON a.\"ClientId\" = c.\"Id\"";
            await using var reader = await command.ExecuteReaderAsync();
            Assert.That(await reader.ReadAsync(), Is.True);
            Assert.That(reader.GetGuid(0), Is.EqualTo(agency));
            Assert.That(reader.GetDateTime(1), Is.EqualTo(new DateTime(2099, 12, 31, 17, 0, 0)), "valid through 31/12 Vietnamese time");
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Test]
    public async Task TheCreateClientVerbExplainsWhatIsWrong()
    {
        var run = await Run(new(), "create-client", "--name", "X", "--role", "Admin");

        Assert.That(run.ExitCode, Is.EqualTo(2), run.Output);
        Assert.That(run.Output, Does.Contain("--role Admin").And.Contain("Usage: create-client"));
        Assert.That(run.Output, Does.Not.Contain("dti_"));
    }

    private static void AssertStoppedCleanly((int ExitCode, string Output) run, string expected)
    {
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain(expected));
        Assert.That(run.Output, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("Dti.Api cannot start", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    private static Task<(int ExitCode, string Output)> Run(Dictionary<string, string> environment, params string[] args) =>
        ApiProcess.RunAsync(environment, args);
}
