using System.Diagnostics;
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

    [Test]
    public async Task PostgresWithoutAConnectionStringStopsStartupNamingTheSetting()
    {
        var run = await Run(new() { ["Database__Provider"] = "Postgres" });

        AssertStoppedCleanly(run, "ConnectionStrings:Dti is not set");
    }

    [Test]
    public async Task AnUnreachableDatabaseStopsStartupNamingTheSetting()
    {
        var run = await Run(new()
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Dti"] = "Host=127.0.0.1;Port=1;Username=nobody;Password=x;Timeout=2",
            ["Database__StartupConnectAttempts"] = "1",
        });

        AssertStoppedCleanly(run, "Cannot reach the database set by ConnectionStrings:Dti");
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
            command.CommandText = "SELECT count(*) FROM \"Plans\"";
            Assert.That(Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(4));
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

    private static void AssertStoppedCleanly((int ExitCode, string Output) run, string expected)
    {
        Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
        Assert.That(run.Output, Does.Contain(expected));
        Assert.That(run.Output, Does.Not.Contain("   at "), "no stack trace");
        Assert.That(run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.StartsWith("Dti.Api cannot start", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    private static async Task<(int ExitCode, string Output)> Run(Dictionary<string, string> environment, params string[] args)
    {
        Assert.That(File.Exists(Repository.ApiAssembly), Is.True, $"built API not found at {Repository.ApiAssembly}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Repository.ApiAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Repository.ApiAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Database__SqlitePath"] = Path.Combine(Path.GetTempPath(), $"dti-start-{Guid.NewGuid():N}.db");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the API did not stop by itself");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
