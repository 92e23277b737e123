using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Dti.Api.ErrorHandling;
using Dti.Api.Tests.Frameworks;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.ErrorHandling;

/// <summary>
/// Each operation bounds its body: JSON commands at 256 KiB, whole framework definitions at 1 MiB, CSV imports at
/// 4 MiB. A body over its operation's limit is a 413 problem naming the limit, whether it declares its length or
/// arrives chunked, and whether the in-memory test server or Kestrel receives it.
/// </summary>
public sealed class RequestBodyLimitTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const string Agencies = "/api/v1/agencies";
    private const string CsvImport = "/api/v1/frameworks/TEST-2015/component-indices/import";

    [Test]
    public async Task AJsonBodyOverTheJsonLimitIsRefusedNamingTheLimit()
    {
        var body = Encoding.UTF8.GetBytes(Agency(name: new string('x', 300_000)).ToJsonString());
        Assert.That(body.Length, Is.InRange(RequestBodyLimits.Json + 1, RequestBodyLimits.FrameworkDefinition), "over the JSON limit, under the old 1 MiB one");
        using var content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };

        var response = await Client.PostAsync(Agencies, content);

        var problem = await AssertTooLarge(response, RequestBodyLimits.Json);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"{body.Length} bytes"), "the declared length is named too");
        Assert.That(await InDatabase(db => db.Agencies.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AChunkedJsonBodyOverTheLimitIsRefusedWhileItIsRead()
    {
        using var content = OversizedAgency();

        await AssertTooLarge(await Client.PostAsync(Agencies, content), RequestBodyLimits.Json);
        Assert.That(await InDatabase(db => db.Agencies.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task AChunkedJsonBodyUnderTheLimitIsRead()
    {
        using var content = new Chunked(Encoding.UTF8.GetBytes(Agency(name: "Sở Thông tin và Truyền thông").ToJsonString()), "application/json");

        var response = await Client.PostAsync(Agencies, content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task ACsvImportLargerThanTheJsonLimitsIsAccepted()
    {
        await DraftWithoutComponents();
        const int rows = 400;
        var csv = LongCsv(rows);
        Assert.That(Encoding.UTF8.GetByteCount(csv), Is.InRange(RequestBodyLimits.FrameworkDefinition + 1, RequestBodyLimits.CsvImport), "between the JSON limits and the CSV limit");
        using var request = new HttpRequestMessage(HttpMethod.Post, CsvImport) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.TryAddWithoutValidation("If-Match", await Client.ETag("/api/v1/frameworks/TEST-2015"));

        var response = await Client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var index = await ReadJson(await Client.GetAsync("/api/v1/frameworks/TEST-2015/indices/7"));
        Assert.That(index.GetProperty("componentIndices").GetArrayLength(), Is.EqualTo(rows));
    }

    [Test]
    public async Task ACsvImportOverTheCsvLimitIsRefusedDeclaredOrChunked()
    {
        await DraftWithoutComponents();
        var csv = Encoding.UTF8.GetBytes(LongCsv(1_200));
        Assert.That(csv.Length, Is.GreaterThan(RequestBodyLimits.CsvImport));
        using var declared = new ByteArrayContent(csv) { Headers = { ContentType = new MediaTypeHeaderValue("text/csv") } };
        using var chunked = new Chunked(csv, "text/csv");

        await AssertTooLarge(await Client.PostAsync(CsvImport, declared), RequestBodyLimits.CsvImport);
        await AssertTooLarge(await Client.PostAsync(CsvImport, chunked), RequestBodyLimits.CsvImport);

        var index = await ReadJson(await Client.GetAsync("/api/v1/frameworks/TEST-2015/indices/7"));
        Assert.That(index.GetProperty("componentIndices").GetArrayLength(), Is.Zero, "nothing imported");
    }

    [Test]
    public async Task OnKestrelAChunkedBodyOverTheLimitIsAProblemToo()
    {
        await using var kestrel = new DtiApiFactory(Factory.Database);
        kestrel.UseKestrel(0);
        kestrel.StartServer();
        using var client = kestrel.CreateClient();
        client.DefaultRequestHeaders.Add(ApiKeyHeader, Coordinator.ApiKey);
        using var content = OversizedAgency();

        var response = await client.PostAsync(Agencies, content);

        Assert.That(response.Headers.Server.ToString(), Is.EqualTo("Kestrel"), "answered over a real socket");
        await AssertTooLarge(response, RequestBodyLimits.Json);
        Assert.That(await InDatabase(db => db.Agencies.CountAsync()), Is.Zero);
    }

    [Test]
    public async Task TheDocumentStatesEachOperationsLimit()
    {
        var document = JsonNode.Parse(await Client.GetStringAsync("/swagger/v1/swagger.json"))!;
        var withBodies = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => op.Value!))
            .Where(op => op["requestBody"] is not null)
            .ToDictionary(op => (string)op["operationId"]!, op => (long?)op["x-max-request-body-bytes"]);

        Assert.That(withBodies, Is.Not.Empty);
        Assert.That(withBodies.Values, Has.None.Null, "every operation that takes a body states its limit");
        Assert.That(withBodies["CreateAgency"], Is.EqualTo(RequestBodyLimits.Json));
        Assert.That(withBodies["ImportFramework"], Is.EqualTo(RequestBodyLimits.FrameworkDefinition));
        Assert.That(withBodies["ImportComponentIndices"], Is.EqualTo(RequestBodyLimits.CsvImport));
    }

    private static async Task<System.Text.Json.JsonElement> AssertTooLarge(HttpResponseMessage response, long limit)
    {
        var problem = await response.AssertProblem(HttpStatusCode.RequestEntityTooLarge);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain($"at most {limit} bytes"), "the problem names the operation's limit");
        return problem;
    }

    /// <summary>An agency whose name alone is over the JSON limit, sent chunked.</summary>
    private static Chunked OversizedAgency() => new(Encoding.UTF8.GetBytes(Agency(name: new string('x', 300_000)).ToJsonString()), "application/json");

    private static JsonObject Agency(string name) => new()
    {
        ["code"] = "000.00.31.H50",
        ["fullName"] = name,
        ["shortName"] = "Sở TT&TT",
        ["kind"] = "Department",
        ["validFrom"] = "2025-01-01",
    };

    private async Task DraftWithoutComponents()
    {
        var body = FrameworkBodies.Complete();
        body["componentIndices"] = new JsonArray();
        Assert.That((await Client.PostAsJsonAsync("/api/v1/frameworks", body)).StatusCode, Is.EqualTo(HttpStatusCode.Created));
    }

    /// <summary>Rows whose texts are as long as the limits allow, in Vietnamese (ệ is 3 bytes in UTF-8).</summary>
    private static string LongCsv(int rows)
    {
        var csv = new StringBuilder("code,mainIndexCode,order,nameVi,nameEn,measureType,unit,dataSource\n");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"7.{i},7,{i},{new string('ệ', 500)},{new string('e', 500)},Count,{new string('ệ', 50)},{new string('ệ', 500)}\n");
        }

        return csv.ToString();
    }

    /// <summary>A body that does not declare its length, so it is sent chunked.</summary>
    private sealed class Chunked : HttpContent
    {
        private readonly byte[] _bytes;

        public Chunked(byte[] bytes, string mediaType)
        {
            _bytes = bytes;
            Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
