using System.Reflection;

namespace Dti.Api.Tests.Architecture;

/// <summary>References run one way: Domain ← Application ← Infrastructure; Api composes them.</summary>
public sealed class LayeringTests
{
    private static readonly Assembly Domain = typeof(Dti.Domain.Common.DomainException).Assembly;
    private static readonly Assembly Application = typeof(Dti.Application.DependencyInjection).Assembly;
    private static readonly Assembly Infrastructure = typeof(Dti.Infrastructure.DependencyInjection).Assembly;

    private static string[] References(Assembly assembly) => [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];

    [Test]
    public void DomainReferencesNothingButTheBaseLibrary() =>
        Assert.That(References(Domain).Where(r => !r.StartsWith("System", StringComparison.Ordinal)), Is.Empty);

    [Test]
    public void ApplicationReferencesOnlyTheDomain()
    {
        Assert.That(References(Application), Does.Contain("Dti.Domain"));
        Assert.That(References(Application).Where(r => r.StartsWith("Dti.", StringComparison.Ordinal)), Is.EqualTo(new[] { "Dti.Domain" }));
        Assert.That(References(Application), Has.None.StartsWith("Microsoft.EntityFrameworkCore.Sqlite").And.None.StartsWith("Npgsql"));
    }

    [Test]
    public void InfrastructureDoesNotReferenceTheApi() =>
        Assert.That(References(Infrastructure).Where(r => r.StartsWith("Dti.", StringComparison.Ordinal)), Is.EquivalentTo(new[] { "Dti.Application", "Dti.Domain" }));
}
