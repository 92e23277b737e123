using Dti.Api.Tests.Infrastructure;
using Dti.Application.Common.Interfaces;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// A scope's unit of work is one pooled context, resolved as <see cref="DtiDbContext"/> and as
/// <see cref="IApplicationDbContext"/>. The container disposes each of those services when the scope ends, and a pooled
/// context returned to the pool twice could be rented by two scopes at once: two requests on one connection, seen under
/// load as a 500 ("a command is already in progress", "cannot access a disposed context"). While its scope holds it, the
/// context goes back to no one.
/// </summary>
public sealed class ScopedContextTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task AContextItsScopeHoldsIsRentedToNoOneElseWhateverDisposesIt()
    {
        var pool = Factory.Services.GetRequiredService<IDbContextFactory<DtiDbContext>>();
        await using var scope = Factory.Services.CreateAsyncScope();
        var held = scope.ServiceProvider.GetRequiredService<DtiDbContext>();
        var asApplication = scope.ServiceProvider.GetRequiredService<IApplicationDbContext>();

        // What the container does to each service it resolved at the scope's end, done while the scope goes on.
        await ((IAsyncDisposable)asApplication).DisposeAsync();
        await using var rentedMeanwhile = pool.CreateDbContext();

        Assert.That(asApplication, Is.SameAs(held), "one unit of work per scope");
        Assert.That(rentedMeanwhile, Is.Not.SameAs(held), "the scope's context is not rented to another while the scope holds it");
        Assert.That(await held.Agencies.CountAsync(), Is.EqualTo(await rentedMeanwhile.Agencies.CountAsync()), "and the scope can still use it");
    }
}
