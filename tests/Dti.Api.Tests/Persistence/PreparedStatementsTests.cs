using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// On PostgreSQL the API prepares the statements it runs often (Npgsql's <c>Max Auto Prepare</c>), unless the operator's
/// connection string decides otherwise: PostgreSQL then plans each of them once per connection, not on every execution.
/// </summary>
public sealed class PreparedStatementsTests
{
    [Test]
    public void AConnectionStringThatDoesNotSayTurnsPreparationOn()
    {
        var prepared = new NpgsqlConnectionStringBuilder(DatabaseRegistration.WithPreparedStatements("Host=db.example;Database=dti;Username=dti;Password=Mật-khẩu;Timeout=7"));

        Assert.That(prepared.MaxAutoPrepare, Is.EqualTo(DatabaseRegistration.MaxAutoPrepare));
        Assert.That((prepared.Host, prepared.Database, prepared.Username, prepared.Password, prepared.Timeout), Is.EqualTo(("db.example", "dti", "dti", "Mật-khẩu", 7)));
    }

    [TestCase("Host=db.example;Database=dti;Max Auto Prepare=0")]
    [TestCase("Host=db.example;Database=dti;max auto prepare=8")]
    [TestCase("Host=db.example;Database=dti;MaxAutoPrepare=8")]
    public void TheOperatorsSettingIsKept(string connectionString) =>
        Assert.That(DatabaseRegistration.WithPreparedStatements(connectionString), Is.EqualTo(connectionString));

    [TestCase("Host=db.example;Nonsense Key=1")]
    [TestCase("Host=db.example;Port=not-a-port")]
    public void AnUnreadableConnectionStringStopsStartUpNamingTheSetting(string connectionString) =>
        Assert.That(() => DatabaseRegistration.WithPreparedStatements(connectionString),
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
