using Dti.Domain.Common;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;

namespace Dti.Domain.Tests.SelfAssessments;

public class SelfAssessmentTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 10, 9, 0, 0, TimeSpan.FromHours(7));

    private static readonly SelfAssessmentActor Coordinator = new("client-1", "Sở TT&TT (điều phối)");

    private static readonly Framework Qd922 = Framework.Create(
        new FrameworkSpec(
            "TEST-922", "922/QĐ-BTTTT", "Bộ Thông tin và Truyền thông", new DateOnly(2022, 5, 20), 2021, 2023, "Bộ chỉ số", null, [],
            [
                new MainIndexSpec("5", 5, "An toàn thông tin mạng", null, 100m, true, IndexGroup.Foundation, null),
                new MainIndexSpec("7", 7, "Hoạt động chính quyền số", null, 200m, true, IndexGroup.Activity, null),
            ],
            [new ComponentIndexSpec("7.1", "7", 1, "Thành phần minh họa", null, 20m, MeasureType.Percentage, null, false, null, true)]),
        DateTimeOffset.UnixEpoch);

    [Test]
    public void OpeningAYearTheFrameworkDoesNotGovernIsRefused()
    {
        var error = Assert.Throws<DomainException>(() => SelfAssessment.Open(2024, Qd922, Guid.NewGuid(), new DateOnly(2025, 1, 14), Now));

        Assert.That(error!.Field, Is.EqualTo("assessmentYear"));
    }

    [Test]
    public void AnOverrideReplacesTheEarlierOneOfItsIndex()
    {
        var assessment = Opened();

        assessment.Override(Qd922, "7", 0.6m, null, "Lần 1", Coordinator, Now);
        assessment.Override(Qd922, "7", null, 130m, "Lần 2", Coordinator, Now);

        Assert.Multiple(() =>
        {
            Assert.That(assessment.Overrides, Has.Count.EqualTo(1));
            Assert.That(assessment.Overrides[0].Score, Is.EqualTo(130m));
            Assert.That(assessment.Overrides[0].Reason, Is.EqualTo("Lần 2"));
            Assert.That(assessment.Version, Is.EqualTo(3));
        });
    }

    [TestCase("5", "1.2", null, "value")]
    [TestCase("7", null, "200.01", "score")]
    [TestCase("7.1", null, "21", "score")]
    [TestCase("9", "0.5", null, "indexCode")]
    [TestCase("7", null, null, "value")]
    public void AnOverrideOutsideTheFrameworksRulesIsRefused(string code, string? value, string? score, string field)
    {
        var assessment = Opened();

        var error = Assert.Throws<DomainException>(() => assessment.Override(Qd922, code, Parse(value), Parse(score), "Lý do", Coordinator, Now));

        Assert.That(error!.Field, Is.EqualTo(field));
    }

    [Test]
    public void FinalisingFreezesTheRevisionAndReopeningStartsTheNext()
    {
        var assessment = Opened();
        assessment.ClearDomainEvents();

        var first = assessment.Finalise("{\"a\":1}", new SnapshotSignature("cms-detached-der", [1, 2], new string('a', 64)), Coordinator, Now);
        var refused = Assert.Throws<DomainException>(() => assessment.Override(Qd922, "7", 0.5m, null, "Sau khi chốt", Coordinator, Now));
        assessment.Reopen(Now);
        var second = assessment.Finalise("{\"a\":2}", new SnapshotSignature("cms-detached-der", [3], new string('a', 64)), Coordinator, Now);

        Assert.Multiple(() =>
        {
            Assert.That(first.Revision, Is.EqualTo(1));
            Assert.That(first.Sha256, Is.EqualTo(SelfAssessmentSnapshot.HashOf("{\"a\":1}")));
            Assert.That(refused!.Rule, Is.EqualTo("self-assessment.transition.not-allowed"));
            Assert.That(second.Revision, Is.EqualTo(2));
            Assert.That(assessment.DomainEvents.Select(e => e.GetType().Name), Is.EqualTo(new[] { "SelfAssessmentFinalised", "SelfAssessmentReopened", "SelfAssessmentFinalised" }));
        });
    }

    private static SelfAssessment Opened() => SelfAssessment.Open(2023, Qd922, Guid.NewGuid(), new DateOnly(2024, 1, 15), Now);

    private static decimal? Parse(string? value) => value is null ? null : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
