namespace Dti.Api.Tests.Infrastructure;

/// <summary>Waits for work that happens in the background (a dispatch loop, another process) to show its result.</summary>
public static class Eventually
{
    /// <summary>
    /// Checks <paramref name="condition"/> until it holds. The two-minute limit only stops a test that would
    /// otherwise hang; it is not a measure of speed.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (!await condition())
        {
            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"Still not true after two minutes: {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), CancellationToken.None);
        }
    }
}
