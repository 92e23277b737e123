using System.Net;
using System.Text.RegularExpressions;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Security;

/// <summary>The first start of an empty installation prints one Coordinator key, once; later starts print nothing.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.Postgres)]
[NonParallelizable] // replaces the process's Console.Out to read what the first start prints
public sealed partial class BootstrapTests(DatabaseProvider provider)
{
    [Test]
    public async Task TheFirstStartPrintsACoordinatorKeyOnceAndTheKeyWorks()
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var (firstOutput, key) = await StartAndCall(database, useKeyFrom: null);
        var (secondOutput, _) = await StartAndCall(database, useKeyFrom: firstOutput);

        Assert.That(BootstrapLine().Matches(firstOutput), Has.Count.EqualTo(1), firstOutput);
        Assert.That(key, Is.Not.Null);
        Assert.That(BootstrapLine().IsMatch(secondOutput), Is.False, "a second start creates no client");
    }

    /// <summary>Starts the application on <paramref name="database"/>, capturing what it prints, and calls /me with the printed key.</summary>
    private static async Task<(string Output, string? Key)> StartAndCall(TestDatabase database, string? useKeyFrom)
    {
        var original = Console.Out;
        using var output = new StringWriter();
        Console.SetOut(output);
        await using var factory = new DtiApiFactory(database);
        HttpClient client;
        try
        {
            client = factory.CreateClient();
        }
        finally
        {
            Console.SetOut(original);
        }

        var printed = output.ToString();
        var match = BootstrapLine().Match(useKeyFrom ?? printed);
        if (match.Success)
        {
            client.DefaultRequestHeaders.Add(ApiTestBase.ApiKeyHeader, match.Groups["key"].Value);
            var me = await client.GetAsync("/api/v1/me");
            Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the printed key works");
        }

        client.Dispose();
        return (printed, match.Success ? match.Groups["key"].Value : null);
    }

    [GeneratedRegex(@"Coordinator client [0-9a-f-]{36} was created\. Its API key, shown only this once: (?<key>dti_\S+)")]
    private static partial Regex BootstrapLine();
}
