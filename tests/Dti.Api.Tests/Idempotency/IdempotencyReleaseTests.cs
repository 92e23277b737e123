using System.Net;
using Dti.Api.Tests.Evidence;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Idempotency;

/// <summary>
/// A server failure is not stored under its Idempotency-Key: the key is released and the retry runs afresh. The failure
/// is a real one — the evidence folder is a file, so the folder store cannot write — and goes away when the folder does.
/// </summary>
public sealed class IdempotencyReleaseTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"dti-evidence-{Guid.NewGuid():N}");

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Evidence:Store"] = "Folder",
        ["Evidence:Folder"] = _folder,
    };

    [TearDown]
    public void DeleteFolder()
    {
        if (File.Exists(_folder))
        {
            File.Delete(_folder);
        }
        else if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Test]
    public async Task AServerErrorReleasesTheKeyAndTheRetryRunsAfresh()
    {
        var agency = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        await File.WriteAllTextAsync(_folder, "a file where the evidence folder should be");

        var failed = await Client.SendAsync(Upload(agency));

        await failed.AssertProblem(HttpStatusCode.InternalServerError);
        Assert.That(await InDatabase(db => db.IdempotencyRecords.CountAsync()), Is.Zero, "the key was released");

        File.Delete(_folder);
        var retried = await Client.SendAsync(Upload(agency));

        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.Created), await retried.Content.ReadAsStringAsync());
        Assert.That(retried.Headers.Contains("Idempotent-Replayed"), Is.False, "the retry ran; nothing was replayed");
        Assert.That(await InDatabase(db => db.Evidence.CountAsync()), Is.EqualTo(1));
    }

    private static HttpRequestMessage Upload(Guid agency)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/agencies/{agency}/evidence") { Content = EvidenceFiles.Upload(EvidenceFiles.Pdf(), "Báo cáo quý 4.pdf") };
        request.Headers.Add("Idempotency-Key", "retry-after-500");
        return request;
    }
}
