using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dti.DesignTime;

/// <summary>
/// Builds the context for <c>dotnet ef</c> without the API host. SQLite unless <c>-- --provider Postgres|SqlServer</c>
/// says otherwise; nothing connects, so the connection strings only name a database.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DtiDbContext>
{
    public DtiDbContext CreateDbContext(string[] args)
    {
        var index = Array.IndexOf(args, "--provider");
        var provider = DatabaseRegistration.ParseProvider(index >= 0 && index + 1 < args.Length ? args[index + 1] : nameof(DatabaseProvider.Sqlite));
        var connectionString = provider switch
        {
            DatabaseProvider.Postgres => "Host=localhost;Database=dti",
            DatabaseProvider.SqlServer => "Server=localhost;Database=dti;Integrated Security=true;TrustServerCertificate=true",
            _ => "Data Source=dti.db",
        };
        var builder = new DbContextOptionsBuilder<DtiDbContext>();
        DatabaseRegistration.Configure(builder, provider, connectionString);
        return new DtiDbContext(builder.Options);
    }
}
