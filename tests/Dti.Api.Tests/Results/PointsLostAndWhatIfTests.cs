using System.Net;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Results;

/// <summary>Where the points were lost and what would move the rank, on the real DTI 2022 table.</summary>
public sealed class PointsLostAndWhatIfTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [TestCase("DA-NANG", 0.8002)]
    [TestCase("QUANG-NINH", 0.7024)]
    [TestCase("THUA-THIEN-HUE", 0.6975)]
    [TestCase("CAN-THO", 0.6924)]
    public async Task TheTopFivesDti2022FollowsFromTheirMainIndexValues(string province, decimal published)
    {
        var whatIf = await WhatIf(province, new { });

        Assert.That(whatIf.GetProperty("dti").GetDecimal(), Is.EqualTo(published));
        Assert.That(whatIf.GetProperty("publishedDti").GetDecimal(), Is.EqualTo(published));
    }

    /// <summary>716.355/1000 rounds to 0.7164; the ministry, rounding from unrounded main indices, published 0.7163.</summary>
    [Test]
    public async Task HoChiMinhCitysRecomputedDtiIsWithinTheRoundingOfItsPublishedMainIndices()
    {
        var whatIf = await WhatIf("HO-CHI-MINH", new { });

        Assert.That(whatIf.GetProperty("dti").GetDecimal(), Is.EqualTo(0.7164m));
        Assert.That(whatIf.GetProperty("publishedDti").GetDecimal(), Is.EqualTo(0.7163m).Within(0.0001m));
    }

    [Test]
    public async Task RaisingCanThosDigitalGovernmentActivityCrossesTwoRankBoundaries()
    {
        var past = await WhatIf("CAN-THO", new { raise = new[] { new { code = "7", delta = 0.03m } } });
        var tied = await WhatIf("CAN-THO", new { raise = new[] { new { code = "7", delta = 0.05m } } });

        Assert.Multiple(() =>
        {
            Assert.That(past.GetProperty("publishedRank").GetInt32(), Is.EqualTo(5));
            Assert.That(past.GetProperty("dti").GetDecimal(), Is.EqualTo(0.6984m), "+0.03 × 200 points = +6 points");
            Assert.That(past.GetProperty("rank").GetInt32(), Is.EqualTo(4), "past Thừa Thiên - Huế (0.6975)");
            Assert.That(tied.GetProperty("dti").GetDecimal(), Is.EqualTo(0.7024m));
            Assert.That(tied.GetProperty("rank").GetInt32(), Is.EqualTo(3), "level with Quảng Ninh (0.7024): both 3rd");
        });
    }

    [Test]
    public async Task AValueAmongUnpublishedNeighboursGetsARankRange()
    {
        var values = new[] { "1", "2", "3", "4", "5", "7", "8", "9" }.Select(code => new { code, value = 0.65m });
        var whatIf = await WhatIf("QUANG-BINH", new { mainIndexValues = values });

        Assert.Multiple(() =>
        {
            Assert.That(whatIf.GetProperty("dti").GetDecimal(), Is.EqualTo(0.65m));
            Assert.That(whatIf.GetProperty("rankBest").GetInt32(), Is.EqualTo(6), "below Cần Thơ's 0.6924 (5th)");
            Assert.That(whatIf.GetProperty("rankWorst").GetInt32(), Is.EqualTo(25), "above Trà Vinh's 0.6077 (25th): the 19 between have no published value");
            Assert.That(whatIf.GetProperty("rank").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
        });
    }

    [Test]
    public async Task AWhatIfWithoutEveryMainIndexOrBeyondOneIs422()
    {
        await (await Client.PostAsJsonAsync("/api/v1/province-units/QUANG-BINH/results/2022/what-if", new { raise = new[] { new { code = "7", delta = 0.1m } } }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "raise[0].code");
        await (await Client.PostAsJsonAsync("/api/v1/province-units/DA-NANG/results/2022/what-if", new { raise = new[] { new { code = "1", delta = 0.1m } } }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "raise[0].delta");
        await (await Client.PostAsJsonAsync("/api/v1/province-units/DA-NANG/results/2022/what-if", new { mainIndexValues = new[] { new { code = "6", value = 0.5m } } }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "mainIndexValues[0].code");
    }

    [Test]
    public async Task CanThoLostMostPointsOnDigitalSocietyActivityAndWas5PointsBehindHue()
    {
        var lost = await ReadJson(await Client.GetAsync("/api/v1/province-units/CAN-THO/results/2022/points-lost"));
        var first = lost.GetProperty("mainIndices")[0];

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("code").GetString(), Is.EqualTo("9"));
            Assert.That(first.GetProperty("name").GetString(), Is.EqualTo("Hoạt động xã hội số"));
            Assert.That(first.GetProperty("pointsLost").GetDecimal(), Is.EqualTo(105.80m), "150 × (1 − 0.2947)");
            Assert.That(first.GetProperty("pointsAchieved").GetDecimal(), Is.EqualTo(44.21m));
            Assert.That(lost.GetProperty("mainIndices").EnumerateArray().Select(m => m.GetProperty("pointsLost").GetDecimal()), Is.Ordered.Descending);
            Assert.That(lost.GetProperty("mainIndices").EnumerateArray().Sum(m => m.GetProperty("pointsAchieved").GetDecimal()), Is.EqualTo(692.40m), "the published 0.6924, to the rounding of each index");
            Assert.That(lost.GetProperty("toNextPlace").GetProperty("provinceCode").GetString(), Is.EqualTo("THUA-THIEN-HUE"));
            Assert.That(lost.GetProperty("toNextPlace").GetProperty("points").GetDecimal(), Is.EqualTo(5.1m));
            Assert.That(lost.GetProperty("toTopTen").GetProperty("points").GetDecimal(), Is.Zero);
            Assert.That(lost.GetProperty("toAverage").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null), "no 2022 field average in the verified data");
        });
    }

    [Test]
    public async Task QuangBinhsNeighbourAboveHasNoPublishedValue()
    {
        var lost = await ReadJson(await Client.GetAsync("/api/v1/province-units/QUANG-BINH/results/2022/points-lost"));

        Assert.Multiple(() =>
        {
            Assert.That(lost.GetProperty("toNextPlace").GetProperty("provinceCode").GetString(), Is.EqualTo("KON-TUM"));
            Assert.That(lost.GetProperty("toNextPlace").GetProperty("rank").GetInt32(), Is.EqualTo(45));
            Assert.That(lost.GetProperty("toNextPlace").GetProperty("points").ValueKind, Is.EqualTo(System.Text.Json.JsonValueKind.Null));
            Assert.That(lost.GetProperty("toTopTen").GetProperty("provinceCode").GetString(), Is.EqualTo("NAM-DINH"));
        });
    }

    [Test]
    public async Task AYearTheProvinceHasNoFigureInIsNotFound() =>
        await (await Client.GetAsync("/api/v1/province-units/QUANG-TRI/results/2023/points-lost")).AssertProblem(HttpStatusCode.NotFound);

    private async Task<System.Text.Json.JsonElement> WhatIf(string province, object body) =>
        await ReadJson(await Client.PostAsJsonAsync($"/api/v1/province-units/{province}/results/2022/what-if", body));
}
