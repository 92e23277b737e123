using System.Net;
using System.Text;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Application.Common.Csv;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Results;

/// <summary>
/// The results views as CSV downloads on the real reference data: what a spreadsheet needs (a byte-order mark, one header
/// row, the Vietnamese byte for byte) and the same rows as the JSON view.
/// </summary>
public sealed class ResultCsvTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task QuangBinhsHistoryHasOneRowPerFigureOfTheJsonView()
    {
        var json = await ReadJson(await Client.GetAsync("/api/v1/province-units/QUANG-BINH/results"));
        var (response, bytes, csv) = await Download("/api/v1/province-units/QUANG-BINH/results.csv");

        var figures = json.GetProperty("years").EnumerateArray()
            .Sum(y => (y.GetProperty("dti").ValueKind == JsonValueKind.Null ? 0 : 1) + y.GetProperty("pillars").GetArrayLength() + y.GetProperty("mainIndices").GetArrayLength());
        var dti2022 = csv.Rows.Single(r => csv.Cell(r, "year") == "2022" && csv.Cell(r, "kind") == "Dti");
        Assert.Multiple(() =>
        {
            AssertSpreadsheetReady(response, bytes, "Kết quả DTI qua các năm - Quảng Bình.csv", ",Quảng Bình,");
            Assert.That(csv.Header, Is.EqualTo(new[] { "year", "fieldSize", "provinceCode", "provinceName", "frameworkCode", "kind", "code", "name", "value", "rank", "rankChange", "valueChange", "origin", "source" }));
            Assert.That(csv.Rows, Has.Count.EqualTo(figures).And.Count.GreaterThan(0));
            Assert.That((csv.Cell(dti2022, "value"), csv.Cell(dti2022, "rank"), csv.Cell(dti2022, "rankChange")), Is.EqualTo(("0.5415", "46", "15")), "541.5/1000, 46/63, up 15 places");
            Assert.That(csv.Rows.Select(r => csv.Cell(r, "name")), Does.Contain("Chính quyền số"));
        });
    }

    [Test]
    public async Task CanThosPointsLostHaveOneRowPerMainIndexLargestLossFirst()
    {
        var json = await ReadJson(await Client.GetAsync("/api/v1/province-units/CAN-THO/results/2022/points-lost"));
        var (response, bytes, csv) = await Download("/api/v1/province-units/CAN-THO/results/2022/points-lost.csv");

        var first = csv.Rows[0];
        Assert.Multiple(() =>
        {
            AssertSpreadsheetReady(response, bytes, "Điểm bị mất DTI 2022 - TP. Cần Thơ.csv", ",TP. Cần Thơ,");
            Assert.That(json.GetProperty("provinceName").GetString(), Is.EqualTo("TP. Cần Thơ"));
            Assert.That(csv.Header, Is.EqualTo(new[] { "year", "fieldSize", "provinceCode", "provinceName", "frameworkCode", "code", "name", "value", "maxPoints", "pointsAchieved", "pointsLost", "origin" }));
            Assert.That(csv.Rows, Has.Count.EqualTo(json.GetProperty("mainIndices").GetArrayLength()).And.Count.EqualTo(8));
            Assert.That((csv.Cell(first, "code"), csv.Cell(first, "name"), csv.Cell(first, "maxPoints"), csv.Cell(first, "pointsLost")), Is.EqualTo(("9", "Hoạt động xã hội số", "150.00", "105.80")), "150 × (1 − 0.2947)");
            Assert.That(csv.Cell(csv.Rows[^1], "value"), Is.EqualTo("0.9000"), "values at the published four decimals on every database");
        });
    }

    [Test]
    public async Task TheOfficialTableOf2022HasEveryProvinceWithTheTieKept()
    {
        var json = await ReadJson(await Client.GetAsync("/api/v1/official-results/2022"));
        var (response, bytes, csv) = await Download("/api/v1/official-results/2022.csv");

        string? RankOf(string province) => csv.Cell(csv.Rows.Single(r => csv.Cell(r, "provinceCode") == province), "rank");
        Assert.Multiple(() =>
        {
            AssertSpreadsheetReady(response, bytes, "Xếp hạng DTI 2022 - 63 tỉnh, thành phố.csv", ",Thừa Thiên - Huế,");
            Assert.That(csv.Header, Is.EqualTo(new[] { "year", "fieldSize", "rank", "provinceCode", "provinceName", "dtiValue", "origin", "source" }));
            Assert.That(csv.Rows, Has.Count.EqualTo(json.GetProperty("rows").GetArrayLength()).And.Count.EqualTo(63));
            Assert.That((RankOf("THANH-HOA"), RankOf("YEN-BAI"), RankOf("HAU-GIANG")), Is.EqualTo(("15", "15", "17")), "standard competition ranking");
            Assert.That(csv.Cell(csv.Rows[0], "provinceName"), Is.EqualTo("TP. Đà Nẵng"));
            Assert.That(csv.Cell(csv.Rows[0], "dtiValue"), Is.EqualTo("0.8002"));
        });
    }

    [Test]
    public async Task TheSmallerTableOf2024IsChosenAsInTheJsonView()
    {
        var json = await ReadJson(await Client.GetAsync("/api/v1/official-results/2024?fieldSize=34"));
        var (response, _, csv) = await Download("/api/v1/official-results/2024.csv?fieldSize=34");

        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar, Is.EqualTo("Xếp hạng DTI 2024 - 34 tỉnh, thành phố.csv"));
            Assert.That(csv.Rows, Has.Count.EqualTo(json.GetProperty("rows").GetArrayLength()));
            Assert.That(csv.Rows.Select(r => csv.Cell(r, "fieldSize")), Is.All.EqualTo("34"));
        });
    }

    [Test]
    public async Task AMissingYearOrUnitIsTheSameProblemAsForTheJsonView()
    {
        await (await Client.GetAsync("/api/v1/official-results/2025.csv")).AssertProblem(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/api/v1/province-units/ATLANTIS/results.csv")).AssertProblem(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/api/v1/province-units/QUANG-TRI/results/2023/points-lost.csv")).AssertProblem(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/api/v1/official-results/2019.csv")).AssertProblem(HttpStatusCode.BadRequest, "year");
    }

    private static void AssertSpreadsheetReady(HttpResponseMessage response, byte[] bytes, string fileName, string vietnameseCell)
    {
        Assert.That(response.Content.Headers.ContentType!.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
        Assert.That(response.Content.Headers.ContentDisposition!.FileNameStar, Is.EqualTo(fileName));
        Assert.That(bytes[..3], Is.EqualTo(Encoding.UTF8.GetPreamble()), "a byte-order mark, so a spreadsheet reads UTF-8");
        Assert.That(SelfVsOfficialTests.Contains(bytes, Encoding.UTF8.GetBytes(vietnameseCell.Normalize(NormalizationForm.FormC))), Is.True, $"{vietnameseCell} byte for byte, NFC");
    }

    private async Task<(HttpResponseMessage Response, byte[] Bytes, CsvTable Csv)> Download(string uri)
    {
        var response = await Client.GetAsync(uri);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), Encoding.UTF8.GetString(bytes));
        return (response, bytes, CsvTable.Parse(Encoding.UTF8.GetString(bytes[3..])));
    }
}
