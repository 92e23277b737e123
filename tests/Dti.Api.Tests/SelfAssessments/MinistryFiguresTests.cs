using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.SelfAssessments;

/// <summary>
/// The ministry's appraised and final numbers imported against the 2023 snapshot of Plan 170's province and compared with
/// its self-assessment. The final numbers are Đà Nẵng's published DTI 2022 main-index values (dti.gov.vn/xep-hang-2022,
/// real); setting them against Quảng Trị's 2023 snapshot, the self-assessed 0.9 everywhere and the appraised figure of
/// index 7 are illustrative.
/// </summary>
public sealed class MinistryFiguresTests(DatabaseProvider provider) : SelfAssessmentFixture(provider)
{
    private const string Figures = $"{Assessments}/2023/snapshots/1/ministry-figures";
    private const string Comparison = $"{Assessments}/2023/snapshots/1/comparison";
    private const string Source = "Quyết định công bố Chỉ số DTI năm 2023 (minh họa)";

    /// <summary>Đà Nẵng's published DTI 2022 main-index values (QĐ 922 codes; smart city, 6, is not published): DTI 0.8002, 800.18 points.</summary>
    private static readonly (string Code, decimal Value)[] DaNang2022 =
        [("1", 1.0000m), ("2", 0.9000m), ("3", 0.8253m), ("4", 0.8487m), ("5", 0.7578m), ("7", 0.8575m), ("8", 0.7836m), ("9", 0.5197m)];

    [Test]
    public async Task TheFinalNumbersAreComparedIndexByIndexAndScoredLikeTheSelfAssessment()
    {
        await Finalised();
        var before = await Read(Reviewer, Comparison);
        var imported = await Reviewer.PutNew(Figures, new
        {
            source = Source,
            figures = DaNang2022.Select(f => new { code = f.Code, appraisedValue = f.Code == "7" ? 0.85m : (decimal?)null, finalValue = f.Value, finalScore = f.Code == "9" ? 77.96m : (decimal?)null }).ToArray(),
        });
        var importedText = await imported.Content.ReadAsStringAsync();
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), importedText);

        var reader = await ClockedClient(ClientRole.Reader);
        var comparison = await Read(reader, Comparison);
        var index9 = Index(comparison, "9");
        var index7 = Index(comparison, "7");
        var totals = comparison.GetProperty("totals");
        Assert.Multiple(() =>
        {
            Assert.That(imported.Headers.ETag!.Tag, Is.EqualTo("\"1\""));
            Assert.That(JsonDocument.Parse(importedText).RootElement.GetProperty("figures").GetArrayLength(), Is.EqualTo(8));
            Assert.That(before.GetProperty("ministryFigures").ValueKind, Is.EqualTo(JsonValueKind.Null), "nothing imported yet");
            Assert.That(Index(before, "9").GetProperty("final").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(comparison.GetProperty("ministryFigures").GetProperty("source").GetString(), Is.EqualTo(Source));
            Assert.That(index9.GetProperty("selfAssessed").GetProperty("value").GetDecimal(), Is.EqualTo(0.9m));
            Assert.That(index9.GetProperty("final").GetProperty("value").GetDecimal(), Is.EqualTo(0.5197m));
            Assert.That(index9.GetProperty("final").GetProperty("score").GetDecimal(), Is.EqualTo(77.96m));
            Assert.That(index9.GetProperty("finalMinusSelf").GetProperty("value").GetDecimal(), Is.EqualTo(-0.3803m), "0.5197 − 0.9");
            Assert.That(index9.GetProperty("finalMinusSelf").GetProperty("score").ValueKind, Is.EqualTo(JsonValueKind.Null), "no self-assessed score to compare with");
            Assert.That(index9.GetProperty("appraised").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(index7.GetProperty("appraisedMinusSelf").GetProperty("value").GetDecimal(), Is.EqualTo(-0.05m));
            Assert.That(Index(comparison, "6").GetProperty("final").ValueKind, Is.EqualTo(JsonValueKind.Null), "smart city is not published");
            Assert.That(totals.GetProperty("selfAssessed").GetProperty("value").GetDecimal(), Is.EqualTo(0.9m), "0.9 on every scored main index");
            Assert.That(totals.GetProperty("final").GetProperty("value").GetDecimal(), Is.EqualTo(0.8002m), "Đà Nẵng's published DTI 2022");
            Assert.That(totals.GetProperty("final").GetProperty("points").GetDecimal(), Is.EqualTo(800.18m));
            Assert.That(totals.GetProperty("finalMinusSelf").GetProperty("value").GetDecimal(), Is.EqualTo(-0.0998m));
            Assert.That(totals.GetProperty("finalMinusSelf").GetProperty("score").GetDecimal(), Is.EqualTo(-99.82m));
            Assert.That(totals.GetProperty("appraised").GetProperty("complete").GetBoolean(), Is.False, "only index 7 was appraised");
            Assert.That(totals.GetProperty("appraised").GetProperty("unvaluedScoredMainIndices").GetInt32(), Is.EqualTo(7));
            Assert.That(totals.GetProperty("appraised").GetProperty("value").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(totals.GetProperty("appraisedMinusSelf").ValueKind, Is.EqualTo(JsonValueKind.Null));
        });

        var csv = await reader.GetAsync($"{Comparison}.csv");
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(csv.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
            Assert.That(csv.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
            Assert.That(csv.Content.Headers.ContentDisposition!.FileName, Is.EqualTo("dti-comparison-2023-r1.csv"));
            Assert.That(bytes[..3], Is.EqualTo(Encoding.UTF8.GetPreamble()), "a byte-order mark, so a spreadsheet keeps the Vietnamese");
            Assert.That(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1 + 9), "the header and one row per index");
            Assert.That(text, Does.Contain("\r\n9,Main,,Hoạt động xã hội số,150.00,0.9000,,,,0.5197,77.96,,,-0.3803,\r\n"));
            Assert.That(csv.Headers.ETag!.Tag, Is.EqualTo($"\"{Convert.ToHexStringLower(SHA256.HashData(bytes))}\""), "the file's SHA-256 is its ETag");
        });
    }

    [Test]
    public async Task TheSnapshotStaysByteForByteAndEveryImportIsAuditedAndAnnounced()
    {
        await Finalised();
        var before = await Reviewer.GetAsync($"{Assessments}/2023/snapshots/1");
        var bytesBefore = await before.Content.ReadAsByteArrayAsync();

        var ministry = await ClockedClient(ClientRole.Ministry);
        var imported = await ministry.PutNew(Figures, new { source = Source, figures = DaNang2022.Select(f => new { code = f.Code, finalValue = f.Value }).ToArray() });
        Assert.That(imported.StatusCode, Is.EqualTo(HttpStatusCode.OK), await imported.Content.ReadAsStringAsync());

        var after = await Reviewer.GetAsync($"{Assessments}/2023/snapshots/1");
        var events = await InDatabase(db => db.OutboxMessages.Where(m => m.Type.Contains("MinistryFiguresImported")).CountAsync());
        var audit = await Read(Client, "/api/v1/audit?entityType=MinistryFigureSet");
        var figures = await Read(Reviewer, Figures);
        var me = await Read(ministry, "/api/v1/me");
        Assert.Multiple(async () =>
        {
            Assert.That(await after.Content.ReadAsByteArrayAsync(), Is.EqualTo(bytesBefore), "the signed document never changes");
            Assert.That(after.Headers.ETag, Is.EqualTo(before.Headers.ETag));
            Assert.That(events, Is.EqualTo(1), "MinistryFiguresImported is in the outbox");
            Assert.That(audit.GetProperty("items").GetArrayLength(), Is.EqualTo(1));
            Assert.That(figures.GetProperty("importedByName").GetString(), Is.EqualTo(me.GetProperty("name").GetString()), "who imported them");
            Assert.That(figures.GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("code").GetString()), Is.EqualTo(DaNang2022.Select(f => f.Code)));
        });
    }

    [Test]
    public async Task ImportingAgainReplacesTheFiguresAndNeedsTheirETag()
    {
        await Finalised();
        var first = await Reviewer.PutNew(Figures, new { source = Source, figures = DaNang2022.Select(f => new { code = f.Code, finalValue = f.Value }).ToArray() });
        var etag = first.Headers.ETag!.ToString();
        var body = new { source = "Công văn điều chỉnh (minh họa)", figures = new[] { new { code = "7", appraisedValue = 0.8m, finalValue = 0.82m } } };

        var blind = await Reviewer.SendWithIfMatch(HttpMethod.Put, Figures, body, null);
        var createAgain = await Reviewer.PutNew(Figures, body);
        var stale = await Reviewer.SendWithIfMatch(HttpMethod.Put, Figures, body, "\"7\"");
        var replaced = await Reviewer.SendWithIfMatch(HttpMethod.Put, Figures, body, etag);
        var same = await Reviewer.SendWithIfMatch(HttpMethod.Put, Figures, body, replaced.Headers.ETag!.ToString());
        var figures = await Read(Reviewer, Figures);
        var comparison = await Read(Reviewer, Comparison);
        Assert.Multiple(() =>
        {
            Assert.That(blind.StatusCode, Is.EqualTo((HttpStatusCode)428));
            Assert.That(createAgain.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed), "figures exist: replacing them needs their ETag");
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(replaced.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(replaced.Headers.ETag!.Tag, Is.EqualTo("\"2\""));
            Assert.That(same.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(same.Headers.ETag!.Tag, Is.EqualTo("\"2\""), "the same numbers again change nothing");
            Assert.That(figures.GetProperty("source").GetString(), Is.EqualTo("Công văn điều chỉnh (minh họa)"));
            Assert.That(figures.GetProperty("figures").GetArrayLength(), Is.EqualTo(1), "indices not listed any more lose their figures");
            Assert.That(Index(comparison, "9").GetProperty("final").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(Index(comparison, "7").GetProperty("final").GetProperty("value").GetDecimal(), Is.EqualTo(0.82m));
            Assert.That(comparison.GetProperty("totals").GetProperty("final").GetProperty("complete").GetBoolean(), Is.False);
        });
    }

    [Test]
    public async Task ABadCsvCellIsA422NamingItsLineAndColumnAndNothingIsStored()
    {
        await Finalised();
        var rows = string.Join("\n", DaNang2022.Select(f => $"{f.Code},,,{f.Value.ToString(CultureInfo.InvariantCulture)},,"));
        var bad = await PutCsv($"code,appraisedValue,appraisedScore,finalValue,finalScore,source\n1,,,1.0000,,\"{Source}\"\n2,,,0.9O00,,\n9,,,0.5197,200,\n");
        var unknown = await PutCsv($"code,finalValue,source\n1,1.0000,\"{Source}\"\n42,0.5,\n");
        var good = await PutCsv($"code,appraisedValue,appraisedScore,finalValue,finalScore,source\n{rows.Replace("1,,,1.0000,,", $"1,,,1.0000,,\"{Source}\"", StringComparison.Ordinal)}\n");

        var problem = await bad.AssertProblem(HttpStatusCode.UnprocessableEntity, "lines[3].finalValue", "ministry-figures.csv");
        await unknown.AssertProblem(HttpStatusCode.UnprocessableEntity, "lines[3].code", "ministry-figures.unknown-index");
        Assert.That(problem.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EqualTo(new[] { "lines[3].finalValue" }), "one bad cell, named once");
        Assert.That(good.StatusCode, Is.EqualTo(HttpStatusCode.OK), await good.Content.ReadAsStringAsync());
        var comparison = await Read(Reviewer, Comparison);
        Assert.That(comparison.GetProperty("totals").GetProperty("final").GetProperty("value").GetDecimal(), Is.EqualTo(0.8002m), "the good file after the bad ones");
    }

    [Test]
    public async Task ACodeTheSnapshotDoesNotHaveOrAScoreAboveTheMaxIsA422AndNothingIsStored()
    {
        await Finalised();
        var unknown = await Reviewer.PutNew(Figures, new { source = Source, figures = new object[] { new { code = "7", finalValue = 0.8m }, new { code = "7.99", finalValue = 0.5m } } });
        var tooMany = await Reviewer.PutNew(Figures, new { source = Source, figures = new object[] { new { code = "9", finalScore = 150.01m } } });
        var outOfScale = await Reviewer.PutNew(Figures, new { source = Source, figures = new object[] { new { code = "9", finalValue = 1.5m } } });

        await unknown.AssertProblem(HttpStatusCode.UnprocessableEntity, "figures[1].code", "ministry-figures.unknown-index");
        await tooMany.AssertProblem(HttpStatusCode.UnprocessableEntity, "figures[0].finalScore", "ministry-figures.score-range");
        await outOfScale.AssertProblem(HttpStatusCode.BadRequest, "figures[0].finalValue");
        Assert.That((await Reviewer.GetAsync(Figures)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nothing stored");
    }

    [Test]
    public async Task ReadersAndAgencyReportersCannotImportAndNoSnapshotIsA404()
    {
        await Finalised();
        var reader = await ClockedClient(ClientRole.Reader);
        var body = new { source = Source, figures = new[] { new { code = "7", finalValue = 0.8m } } };

        Assert.Multiple(async () =>
        {
            Assert.That((await reader.PutNew(Figures, body)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await IctReporter.PutNew(Figures, body)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await IctReporter.GetAsync(Comparison)).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That((await Reviewer.PutNew($"{Assessments}/2023/snapshots/2/ministry-figures", body)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await reader.GetAsync($"{Assessments}/2023/snapshots/2/comparison")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That((await reader.GetAsync(Comparison)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    /// <summary>The 2023 self-assessment opened, every scored main index overridden to 0.9 (illustrative), finalised as revision 1.</summary>
    private async Task Finalised()
    {
        var rule = await RuleId(ReferenceDeadlineRules.QuangBinhSelfAssessmentName);
        var step = await Expect(await Reviewer.PostAsJsonAsync(Assessments, new { assessmentYear = 2023, deadlineRuleId = rule }), HttpStatusCode.Created);
        foreach (var (code, _) in DaNang2022)
        {
            step = await Expect(await Reviewer.SendWithIfMatch(HttpMethod.Put, $"{Assessments}/2023/indices/{code}/override", new { value = 0.9m, reason = "Tự đánh giá (minh họa)" }, step.ETag));
        }

        await Expect(await Reviewer.SendWithIfMatch(HttpMethod.Post, $"{Assessments}/2023/finalise", null, step.ETag));
    }

    private async Task<HttpResponseMessage> PutCsv(string csv)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, Figures) { Content = new StringContent(csv, Encoding.UTF8, "text/csv") };
        request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Any);
        return await Reviewer.SendAsync(request);
    }
}
