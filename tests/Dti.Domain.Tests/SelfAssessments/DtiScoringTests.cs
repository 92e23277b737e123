using System.Globalization;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;

namespace Dti.Domain.Tests.SelfAssessments;

public class DtiScoringTests
{
    /// <summary>The main-index columns of the published file, in QĐ 922 order (smart city, index 6, is not published).</summary>
    private static readonly string[] PublishedColumns =
        ["nhan_thuc_so", "the_che_so", "ha_tang_so", "nhan_luc_so", "an_toan_thong_tin_mang", "hd_chinh_quyen_so", "hd_kinh_te_so", "hd_xa_hoi_so"];

    private static readonly string[] MainCodes = ["1", "2", "3", "4", "5", "7", "8", "9"];

    public static IEnumerable<TestCaseData> Top5Of2022()
    {
        // dti2022_top5_main_indices.csv: the top five provinces of DTI 2022 as dti.gov.vn/xep-hang-2022 publishes them.
        var lines = File.ReadAllLines(Path.Combine(TestContext.CurrentContext.TestDirectory, "SelfAssessments", "dti2022_top5_main_indices.csv"));
        var header = lines[0].Split(',');
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            string Cell(string column) => cells[Array.IndexOf(header, column)];
            var values = PublishedColumns.Select((column, i) => (MainCodes[i], decimal.Parse(Cell(column), CultureInfo.InvariantCulture))).ToDictionary(v => v.Item1, v => v.Item2);
            yield return new TestCaseData(values, decimal.Parse(Cell("dti_published"), CultureInfo.InvariantCulture), decimal.Parse(Cell("dti_recomputed_C"), CultureInfo.InvariantCulture))
                .SetArgDisplayNames(Cell("province"));
        }
    }

    [TestCaseSource(nameof(Top5Of2022))]
    public void ThePublishedMainIndexValuesGiveThePublishedDti(Dictionary<string, decimal> values, decimal published, decimal recomputed)
    {
        var score = DtiScoring.Score(Qd922([]), new Dictionary<string, decimal>(), values);

        Assert.Multiple(() =>
        {
            Assert.That(score.Value, Is.EqualTo(recomputed), "Σ(value × max points) / 1000, to four decimals");
            Assert.That(Math.Abs(score.Value - published), Is.LessThanOrEqualTo(0.0001m), "the published DTI 2022");
            Assert.That(score.Points, Is.EqualTo(DecimalKind.Points.Round(values.Sum(v => v.Value * MaxPoints(v.Key)))));
            Assert.That(score.UnvaluedScoredMainIndices, Is.Zero);
        });
    }

    [Test]
    public void DaNangScoresExactly800Point18Of1000()
    {
        var values = (Dictionary<string, decimal>)Top5Of2022().First().Arguments[0]!;

        var score = DtiScoring.Score(Qd922([]), new Dictionary<string, decimal>(), values);

        Assert.Multiple(() =>
        {
            Assert.That(score.Points, Is.EqualTo(800.18m));
            Assert.That(score.Value, Is.EqualTo(0.8002m));
            Assert.That(score.MainIndices.Single(m => m.Code == "9").Points, Is.EqualTo(77.96m), "0.5197 × 150");
        });
    }

    [Test]
    public void TheSmartCityIndexIsCarriedButNotCounted()
    {
        var values = new Dictionary<string, decimal> { ["1"] = 0.5m, ["6"] = 1m };

        var score = DtiScoring.Score(Qd922([]), new Dictionary<string, decimal>(), values);

        var smartCity = score.MainIndices.Single(m => m.Code == "6");
        Assert.Multiple(() =>
        {
            Assert.That(smartCity.Value, Is.EqualTo(1m));
            Assert.That(smartCity.Counted, Is.False);
            Assert.That(smartCity.Points, Is.Null);
            Assert.That(score.Points, Is.EqualTo(50m));
            Assert.That(score.ScoredMaxPoints, Is.EqualTo(1000m));
            Assert.That(score.UnvaluedScoredMainIndices, Is.EqualTo(7));
        });
    }

    [Test]
    public void ComponentPointsValueTheirMainIndexWhateverWasEntered()
    {
        var framework = Qd922(
        [
            new ComponentIndexSpec("7.1", "7", 1, "Thành phần minh họa 1", null, 120m, MeasureType.Percentage, null, false, null, true),
            new ComponentIndexSpec("7.2", "7", 2, "Thành phần minh họa 2", null, 80m, MeasureType.Count, null, false, null, true),
        ]);

        var score = DtiScoring.Score(framework, new Dictionary<string, decimal> { ["7.1"] = 90m, ["7.2"] = 61m }, new Dictionary<string, decimal> { ["7"] = 0.1m });

        var index7 = score.MainIndices.Single(m => m.Code == "7");
        Assert.Multiple(() =>
        {
            Assert.That(index7.Basis, Is.EqualTo(MainIndexBasis.Components));
            Assert.That(index7.Value, Is.EqualTo(0.7550m), "(90 + 61) / 200");
            Assert.That(index7.Points, Is.EqualTo(151m));
        });
    }

    [Test]
    public void AComponentWithoutPointsCountsNoneButAMainIndexWithNoneAtAllHasNoValue()
    {
        var framework = Qd922(
        [
            new ComponentIndexSpec("7.1", "7", 1, "Thành phần minh họa 1", null, 120m, MeasureType.Percentage, null, false, null, true),
            new ComponentIndexSpec("7.2", "7", 2, "Thành phần minh họa 2", null, 80m, MeasureType.Count, null, false, null, true),
        ]);

        var some = DtiScoring.Score(framework, new Dictionary<string, decimal> { ["7.2"] = 80m }, new Dictionary<string, decimal>());
        var none = DtiScoring.Score(framework, new Dictionary<string, decimal>(), new Dictionary<string, decimal>());

        Assert.Multiple(() =>
        {
            Assert.That(some.MainIndices.Single(m => m.Code == "7").Value, Is.EqualTo(0.4m));
            Assert.That(none.MainIndices.Single(m => m.Code == "7").Value, Is.Null);
            Assert.That(none.Points, Is.Zero);
        });
    }

    [Test]
    public void PillarsSumTheScoredMainIndicesMappedToThem()
    {
        var score = DtiScoring.Score(Qd922([]), new Dictionary<string, decimal>(), new Dictionary<string, decimal> { ["7"] = 0.8575m, ["8"] = 0.5m });

        Assert.Multiple(() =>
        {
            Assert.That(score.Pillars.Select(p => p.Code), Is.EqualTo(new[] { "CQS", "KTS", "XHS" }));
            Assert.That(score.Pillars[0].Points, Is.EqualTo(171.50m));
            Assert.That(score.Pillars[0].Value, Is.EqualTo(0.8575m));
            Assert.That(score.Pillars[1].MaxPoints, Is.EqualTo(150m));
            Assert.That(score.Pillars[2].Points, Is.Zero);
        });
    }

    [TestCase("-0.0001")]
    [TestCase("1.0001")]
    public void AnEnteredValueOutsideZeroToOneIsRefused(string value)
    {
        var error = Assert.Throws<DomainException>(() => DtiScoring.Score(Qd922([]), new Dictionary<string, decimal>(), new Dictionary<string, decimal> { ["3"] = decimal.Parse(value, CultureInfo.InvariantCulture) }));

        Assert.That(error!.Rule, Is.EqualTo("self-assessment.value-range"));
    }

    private static decimal MaxPoints(string code) => code switch { "7" => 200m, "8" or "9" => 150m, "6" => 0m, _ => 100m };

    /// <summary>QĐ 922's main indices and points (shared/domain.md, verified), its activity indices mapped to the three pillars.</summary>
    private static Framework Qd922(IReadOnlyList<ComponentIndexSpec> components) => Framework.Create(
        new FrameworkSpec(
            "TEST-922",
            "922/QĐ-BTTTT",
            "Bộ Thông tin và Truyền thông",
            new DateOnly(2022, 5, 20),
            2021,
            2023,
            "Bộ chỉ số",
            null,
            [new PillarSpec("CQS", 1, "Chính quyền số", null), new PillarSpec("KTS", 2, "Kinh tế số", null), new PillarSpec("XHS", 3, "Xã hội số", null)],
            [
                .. new[] { "1", "2", "3", "4", "5", "6" }.Select(code => new MainIndexSpec(code, int.Parse(code, CultureInfo.InvariantCulture), $"Chỉ số {code}", null, MaxPoints(code), code != "6", IndexGroup.Foundation, null)),
                new MainIndexSpec("7", 7, "Hoạt động chính quyền số", null, 200m, true, IndexGroup.Activity, "CQS"),
                new MainIndexSpec("8", 8, "Hoạt động kinh tế số", null, 150m, true, IndexGroup.Activity, "KTS"),
                new MainIndexSpec("9", 9, "Hoạt động xã hội số", null, 150m, true, IndexGroup.Activity, "XHS"),
            ],
            components),
        DateTimeOffset.UnixEpoch);
}
