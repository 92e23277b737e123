using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dti.Api.Tests.Infrastructure;
using Npgsql;

namespace Dti.Api.Tests.Hosting;

/// <summary>
/// A newcomer's first start of the built API, as a real process: PostgreSQL databases are created when the role may,
/// without error lines in the log; the published app reads its own settings from any folder; ASPNETCORE_URLS is obeyed.
/// </summary>
public sealed class FirstStartTests
{
    private const string ErrorLine = "\"LogLevel\":\"Error\"";

    [Test]
    public async Task AMissingPostgresDatabaseIsCreatedAndMigratedWithoutErrorLines()
    {
        var name = $"dti_first_{Guid.NewGuid():N}";
        var connection = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresAdminConnectionString()) { Database = name };
        try
        {
            var run = await RunToExit(Path.GetTempPath(), new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Dti"] = connection.ToString() }, "migrate");

            Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
            Assert.That(run.Output, Does.Contain($"Database {name} did not exist and was created"));
            Assert.That(run.Output, Does.Not.Contain(ErrorLine), "a first start logs no errors");
            await using var migrated = new NpgsqlConnection(connection.ToString());
            await migrated.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM \"Frameworks\"", migrated);
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo(2L), "migrated and seeded");
        }
        finally
        {
            await Admin($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    [Test]
    public async Task ARoleThatMayNotCreateDatabasesIsToldInOneLineWhatToRun()
    {
        var role = $"dti_nocreatedb_{Guid.NewGuid():N}";
        var name = $"dti_absent_{Guid.NewGuid():N}";
        await Admin($"CREATE ROLE \"{role}\" LOGIN NOCREATEDB");
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(TestDatabase.PostgresAdminConnectionString()) { Database = name, Username = role };

            var run = await RunToExit(Path.GetTempPath(), new() { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Dti"] = connection.ToString() });

            Assert.That(run.ExitCode, Is.EqualTo(1), run.Output);
            var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.That(lines, Has.Length.EqualTo(1), run.Output);
            Assert.That(lines[0], Does.StartWith("Dti.Api cannot start").And.Contain($"createdb -h {connection.Host} -p {connection.Port} -O {role} {name}").And.Contain("CREATE DATABASE"));
        }
        finally
        {
            await Admin($"DROP ROLE IF EXISTS \"{role}\"");
        }
    }

    [Test]
    public async Task ThePublishedAppReadsItsOwnSettingsFromAnyWorkingDirectory()
    {
        var elsewhere = Directory.CreateTempSubdirectory("dti-elsewhere-").FullName;
        var file = $"dti-relative-{Guid.NewGuid():N}.db";
        var besideTheApp = Path.Combine(Path.GetDirectoryName(Repository.ApiAssembly)!, file);
        try
        {
            var run = await RunToExit(elsewhere, new() { ["Database__SqlitePath"] = file }, "migrate");

            Assert.That(run.ExitCode, Is.EqualTo(0), run.Output);
            Assert.That(run.Output, Does.Contain("\"Category\":\"Dti.Infrastructure.Persistence.DatabaseStartup\""), "the JSON console logs of appsettings.json");
            Assert.That(File.Exists(besideTheApp), Is.True, "a relative SQLite path is relative to the app's folder");
            Assert.That(Directory.EnumerateFiles(elsewhere), Is.Empty);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(besideTheApp);
            Directory.Delete(elsewhere, recursive: true);
        }
    }

    [Test]
    public async Task AspNetCoreUrlsDecidesWhereTheApiListens()
    {
        var port = FreePort();
        var database = Path.Combine(Path.GetTempPath(), $"dti-urls-{Guid.NewGuid():N}.db");
        using var process = Process.Start(StartInfo(Path.GetTempPath(), new() { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}", ["Database__SqlitePath"] = database }))!;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            string? line;
            while ((line = await process.StandardOutput.ReadLineAsync(timeout.Token)) is not null && !line.Contains("Now listening on", StringComparison.Ordinal))
            {
            }

            Assert.That(line, Does.Contain($"http://127.0.0.1:{port}"), "the API stopped before it listened");
            using var http = new HttpClient();
            Assert.That((await http.GetAsync(new Uri($"http://127.0.0.1:{port}/health/live"), timeout.Token)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task Admin(string sql)
    {
        await using var connection = new NpgsqlConnection(TestDatabase.PostgresAdminConnectionString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static ProcessStartInfo StartInfo(string workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        Assert.That(File.Exists(Repository.ApiAssembly), Is.True, $"built API not found at {Repository.ApiAssembly}");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Repository.ApiAssembly);
        args.ToList().ForEach(start.ArgumentList.Add);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase)
                     || k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private static async Task<(int ExitCode, string Output)> RunToExit(string workingDirectory, Dictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(workingDirectory, environment, args))!;
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
