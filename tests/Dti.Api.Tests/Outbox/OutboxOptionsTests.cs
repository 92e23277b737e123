using Dti.Infrastructure.Outbox;

namespace Dti.Api.Tests.Outbox;

public sealed class OutboxOptionsTests
{
    [TestCase(1, 10)]
    [TestCase(2, 20)]
    [TestCase(3, 40)]
    [TestCase(9, 2560)]
    [TestCase(10, 3600)]
    [TestCase(1000, 3600)]
    public void TheRetryDelayDoublesWithEachFailureUpToItsLimit(int attempts, int seconds) =>
        Assert.That(new OutboxOptions().RetryDelayAfter(attempts), Is.EqualTo(TimeSpan.FromSeconds(seconds)));
}
