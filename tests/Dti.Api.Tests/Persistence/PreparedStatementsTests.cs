using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// On PostgreSQL the API prepares the statements it runs often (Npgsql's <c>Max Auto Prepare</c>), does not reset a
/// connection it returns to the pool (<c>No Reset On Close</c>) and bounds its pool (<c>Maximum Pool Size</c>), each
/// unless the operator's connection string decides otherwise: PostgreSQL then plans each statement once per connection,
/// runs no reset before a request's first, and serves a burst of requests with a few backends per core.
/// </summary>
public sealed class PreparedStatementsTests
{
    [Test]
    public void AConnectionStringThatDoesNotSayTurnsPreparationOnResetOffAndBoundsThePool()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPostgresDefaults("Host=db.example;Database=dti;Username=dti;Password=Mật-khẩu;Timeout=7"));

        Assert.That((tuned.MaxAutoPrepare, tuned.NoResetOnClose, tuned.MaxPoolSize), Is.EqualTo((DatabaseRegistration.MaxAutoPrepare, true, DatabaseRegistration.MaxPoolSize)));
        Assert.That(DatabaseRegistration.MaxPoolSize, Is.EqualTo(Math.Max(16, 4 * Environment.ProcessorCount)), "four connections per processor, at least 16");
        Assert.That((tuned.Host, tuned.Database, tuned.Username, tuned.Password, tuned.Timeout), Is.EqualTo(("db.example", "dti", "dti", "Mật-khẩu", 7)));
    }

    [TestCase("Host=db.example;Database=dti;Max Auto Prepare=0;No Reset On Close=false;Maximum Pool Size=100")]
    [TestCase("Host=db.example;Database=dti;max auto prepare=8;no reset on close=true;maximum pool size=5")]
    [TestCase("Host=db.example;Database=dti;MaxAutoPrepare=8;NoResetOnClose=false;MaxPoolSize=40")]
    public void TheOperatorsSettingsAreKept(string connectionString) =>
        Assert.That(DatabaseRegistration.WithPostgresDefaults(connectionString), Is.EqualTo(connectionString));

    [TestCase("Host=db.example;Max Auto Prepare=0", 0, true, -1)]
    [TestCase("Host=db.example;No Reset On Close=false", DatabaseRegistration.MaxAutoPrepare, false, -1)]
    [TestCase("Host=db.example;Maximum Pool Size=7", DatabaseRegistration.MaxAutoPrepare, true, 7)]
    public void EachSettingTheOperatorLeavesOutGetsItsDefault(string connectionString, int maxAutoPrepare, bool noResetOnClose, int maxPoolSize)
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPostgresDefaults(connectionString));

        Assert.That((tuned.MaxAutoPrepare, tuned.NoResetOnClose, tuned.MaxPoolSize), Is.EqualTo((maxAutoPrepare, noResetOnClose, maxPoolSize == -1 ? DatabaseRegistration.MaxPoolSize : maxPoolSize)));
    }

    [Test]
    public void APoolKeptAboveItsMinimumIsNotBoundedBelowIt()
    {
        var tuned = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPostgresDefaults("Host=db.example;Minimum Pool Size=120"));

        Assert.That((tuned.MinPoolSize, tuned.MaxPoolSize), Is.EqualTo((120, 120)), "Npgsql refuses a maximum under the minimum");
    }

    [TestCase("Host=db.example;Nonsense Key=1")]
    [TestCase("Host=db.example;Port=not-a-port")]
    public void AnUnreadableConnectionStringStopsStartUpNamingTheSetting(string connectionString) =>
        Assert.That(() => DatabaseRegistration.WithPostgresDefaults(connectionString),
            Throws.TypeOf<StartupException>().With.Message.StartsWith("ConnectionStrings:Dti is not a PostgreSQL connection string"));

    [Test]
    public async Task AQueryTheApiRunsOftenIsPreparedOnItsConnection()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var factory = new DtiApiFactory(database, new Dictionary<string, string?>());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        await db.Database.OpenConnectionAsync();

        for (var i = 0; i < 6; i++)
        {
            _ = await db.Agencies.AsNoTracking().CountAsync(a => a.ValidTo == null);
        }

        var prepared = await db.Database
            .SqlQueryRaw<string>("""SELECT statement AS "Value" FROM pg_prepared_statements""")
            .ToListAsync();
        Assert.That(prepared, Has.Some.Contains("\"Agencies\""));
    }
}
