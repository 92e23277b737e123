using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

// The EF Core baseline for benchmarks/run.sh: Dti.Api's own model (DtiDbContext, pooled, no interceptors) called straight
// from the endpoint — the same single-row read, with no authentication, pipeline or logging. Connection string: ConnectionStrings__Dti.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration.GetConnectionString("Dti") ?? throw new InvalidOperationException("ConnectionStrings__Dti is not set.");
builder.Services.AddDbContextPool<DtiDbContext>(o => o.UseNpgsql(connectionString));
var app = builder.Build();

app.MapGet("/agencies/{id:guid}", async (Guid id, DtiDbContext db, CancellationToken cancellationToken) =>
    await db.Agencies.AsNoTracking().Where(a => a.Id == id)
        .Select(a => new
        {
            a.Id, a.Code, a.FullName, a.ShortName, a.Kind, a.ParentId, a.ValidFrom, a.ValidTo, a.SuccessorId,
            a.SuccessionReason, a.SuccessionNote, a.IsSample, a.CreatedAt, a.UpdatedAt, a.Version,
        })
        .SingleOrDefaultAsync(cancellationToken) is { } agency
        ? Results.Ok(agency)
        : Results.NotFound());

await app.RunAsync();
