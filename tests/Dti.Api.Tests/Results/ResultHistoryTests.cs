using System.Net;
using System.Text;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Results;

/// <summary>A province's results over the years, as the seeds' articles tell them, and a merged unit's predecessors.</summary>
public sealed class ResultHistoryTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task QuangBinhRose15PlacesIn2022WithEachPillarsChange()
    {
        var history = await ReadJson(await Client.GetAsync("/api/v1/province-units/QUANG-BINH/results"));
        var y2022 = Year(history, 2022, "QUANG-BINH");
        var pillars = y2022.GetProperty("pillars").EnumerateArray().ToDictionary(p => p.GetProperty("code").GetString()!, p => (p.GetProperty("rank").GetInt32(), p.GetProperty("rankChange").GetInt32()));

        Assert.Multiple(() =>
        {
            Assert.That(y2022.GetProperty("dti").GetProperty("value").GetDecimal(), Is.EqualTo(0.5415m));
            Assert.That(y2022.GetProperty("dti").GetProperty("rank").GetInt32(), Is.EqualTo(46));
            Assert.That(y2022.GetProperty("dti").GetProperty("rankChange").GetInt32(), Is.EqualTo(15));
            Assert.That(Year(history, 2021, "QUANG-BINH").GetProperty("dti").GetProperty("origin").GetString(), Is.EqualTo("Computed"));
            Assert.That(pillars, Is.EqualTo(new Dictionary<string, (int, int)> { ["CQS"] = (46, 13), ["KTS"] = (38, 20), ["XHS"] = (40, 12) }));
            Assert.That(y2022.GetProperty("summary").GetString(), Is.EqualTo(
                "DTI 2022, Quảng Bình: 541.5/1000 points, 46/63, up 15 places on 2021; Chính quyền số rank 46 (up 13 places), Kinh tế số rank 38 (up 20 places), Xã hội số rank 40 (up 12 places)."));
        });
    }

    [Test]
    public async Task BinhThuanFell3PlacesIn2022WithItsWeakestMainIndices()
    {
        var y2022 = Year(await ReadJson(await Client.GetAsync("/api/v1/province-units/BINH-THUAN/results")), 2022, "BINH-THUAN");
        var humanResources = y2022.GetProperty("mainIndices").EnumerateArray().Single(m => m.GetProperty("code").GetString() == "4");

        Assert.Multiple(() =>
        {
            Assert.That(y2022.GetProperty("dti").GetProperty("rankChange").GetInt32(), Is.EqualTo(-3));
            Assert.That(humanResources.GetProperty("name").GetString(), Is.EqualTo("Nhân lực số"));
            Assert.That(humanResources.GetProperty("rank").GetInt32(), Is.EqualTo(53));
            Assert.That(y2022.GetProperty("summary").GetString(), Does.StartWith("DTI 2022, Bình Thuận: 50/63, down 3 places on 2021; Hạ tầng số rank 49, Nhân lực số rank 53"));
        });
    }

    [Test]
    public async Task TodaysQuangTriShowsItsPredecessorsResults()
    {
        var history = await ReadJson(await Client.GetAsync("/api/v1/province-units/QUANG-TRI-2025/results"));

        Assert.Multiple(() =>
        {
            Assert.That(history.GetProperty("predecessorCodes").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "QUANG-BINH", "QUANG-TRI" }));
            Assert.That(Year(history, 2022, "QUANG-TRI").GetProperty("dti").GetProperty("rank").GetInt32(), Is.EqualTo(55));
            Assert.That(Year(history, 2022, "QUANG-BINH").GetProperty("dti").GetProperty("rank").GetInt32(), Is.EqualTo(46));
            Assert.That(history.GetProperty("years").EnumerateArray().Select(y => y.GetProperty("year").GetInt32()), Is.Ordered);
        });
    }

    /// <summary>Illustrative 2024 values of the two predecessors (the real ones are not in ../shared/data); the rule is the published one.</summary>
    [Test]
    public async Task TheMergedUnitsDti2024IsTheMeanOfItsPredecessorsMarkedComputed()
    {
        const string csv = """
            year,fieldSize,province,kind,code,value,rank,origin,source
            2024,63,QUANG-BINH,MainIndex,1,0.6000,,Published,illustrative
            2024,63,QUANG-TRI,MainIndex,1,0.5001,,Published,illustrative
            2024,63,QUANG-BINH,MainIndex,2,0.7000,,Published,illustrative
            2024,63,QUANG-TRI,MainIndex,2,0.8000,,Published,illustrative
            2024,63,QUANG-BINH,MainIndex,3,0.9000,,Published,illustrative
            2024,63,QUANG-BINH,Dti,,0.5800,,Published,illustrative
            2024,63,QUANG-TRI,Dti,,0.5200,,Published,illustrative
            """;
        var import = await Client.PostAsync("/api/v1/official-results/import", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK), await import.Content.ReadAsStringAsync());

        var merged = Year(await ReadJson(await Client.GetAsync("/api/v1/province-units/QUANG-TRI-2025/results")), 2024, "QUANG-TRI-2025");
        var mains = merged.GetProperty("mainIndices").EnumerateArray().ToDictionary(m => m.GetProperty("code").GetString()!, m => m.GetProperty("value").GetDecimal());

        Assert.Multiple(() =>
        {
            Assert.That(merged.GetProperty("fieldSize").GetInt32(), Is.EqualTo(34));
            Assert.That(mains, Is.EqualTo(new Dictionary<string, decimal> { ["1"] = 0.5501m, ["2"] = 0.75m }), "0.55005 rounds away from zero; index 3 has one predecessor only");
            Assert.That(merged.GetProperty("mainIndices").EnumerateArray().Select(m => m.GetProperty("origin").GetString()), Is.All.EqualTo("Computed"));
            Assert.That(merged.GetProperty("dti").GetProperty("value").GetDecimal(), Is.EqualTo(0.55m));
            Assert.That(merged.GetProperty("dti").GetProperty("origin").GetString(), Is.EqualTo("Computed"));
            Assert.That(merged.GetProperty("summary").GetString(), Does.StartWith("DTI 2024, Quảng Trị: 550/1000 points (computed)"));
        });
    }

    [Test]
    public async Task AnUnknownUnitIsNotFound() =>
        await (await Client.GetAsync("/api/v1/province-units/ATLANTIS/results")).AssertProblem(HttpStatusCode.NotFound);

    private static JsonElement Year(JsonElement history, int year, string province) =>
        history.GetProperty("years").EnumerateArray().Single(y => y.GetProperty("year").GetInt32() == year && y.GetProperty("provinceCode").GetString() == province);
}
