using Dti.Api.Tests.Infrastructure;

namespace Dti.Api.Tests;

/// <summary>What the whole run shares: the migrated template databases (<see cref="TestDatabase.CreateMigratedAsync"/>), dropped at its end.</summary>
[SetUpFixture]
public sealed class TestRun
{
    [OneTimeTearDown]
    public Task DropTemplates() => TestDatabase.DisposeTemplatesAsync();
}
