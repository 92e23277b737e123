using Dti.Domain.Common;
using Dti.Domain.Plans;

namespace Dti.Domain.Tests.Plans;

public class PlanTaskTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;
    private static readonly Guid Lead = Guid.CreateVersion7();
    private static readonly Guid Other = Guid.CreateVersion7();

    private static (Plan Plan, PlanTask Task) Create(DateOnly? dueDate = null, string? dueMonth = null, params Guid[] cooperators)
    {
        var plan = Plan.Create(TestFramework.Plan(), TestFramework.Qd922Like, Now);
        var task = PlanTask.Create(plan, new PlanTaskSpec("Trung tâm Tích hợp dữ liệu", null, Lead, cooperators, dueDate, dueMonth, ["7", "7.1"]), TestFramework.Qd922Like, Now);
        return (plan, task);
    }

    private static PlanTaskSpec Spec(params string[] indexCodes) => new("Trung tâm Tích hợp dữ liệu", null, Lead, [], null, null, indexCodes);

    [TestCase("2023-11", "2023-11-30")]
    [TestCase("2023-12", "2023-12-31")]
    [TestCase("2024-02", "2024-02-29")]
    [TestCase("2023-02", "2023-02-28")]
    public void ADueMonthResolvesToItsLastDay(string month, string lastDay) =>
        Assert.That(Create(dueMonth: month).Task.DueDate, Is.EqualTo(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture)));

    [TestCase("2023-13")]
    [TestCase("11/2023")]
    [TestCase("2023-1")]
    public void AMalformedDueMonthIsRejected(string month) =>
        Assert.That(() => Create(dueMonth: month), Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("task.due-month-format"));

    [TestCase("2023-11-30", "2023-11-30", false)]
    [TestCase("2023-11-30", "2023-12-01", true)]
    public void OverdueMeansDueBeforeTodayAndNotFinished(string due, string today, bool overdue) =>
        Assert.That(Create(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture)).Task.IsOverdueOn(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(overdue));

    [Test]
    public void ATaskWithoutADueDateIsNeverOverdue() =>
        Assert.That(Create().Task.IsOverdueOn(new DateOnly(2099, 1, 1)), Is.False);

    [TestCase(PlanTaskStatus.Done, 100)]
    [TestCase(PlanTaskStatus.Cancelled, 30)]
    public void AFinishedTaskIsNotOverdue(PlanTaskStatus status, int percent)
    {
        var (plan, task) = Create(new DateOnly(2023, 11, 30));

        task.RecordProgress(plan, status, percent, null, new DateOnly(2023, 12, 5), Now);

        Assert.That(task.IsOverdueOn(new DateOnly(2024, 1, 1)), Is.False);
    }

    [Test]
    public void ProgressIsKeptInOrder()
    {
        var (plan, task) = Create();
        task.RecordProgress(plan, PlanTaskStatus.InProgress, 50, "Nửa chặng", new DateOnly(2023, 10, 31), Now);

        var failure = Assert.Throws<DomainException>(() => task.RecordProgress(plan, PlanTaskStatus.InProgress, 60, null, new DateOnly(2023, 10, 30), Now));

        Assert.That((failure!.Rule, task.Progress.Count, task.ProgressPercent), Is.EqualTo(("task.progress-out-of-order", 1, 50)));
    }

    [Test]
    public void TheLeadNeverCooperates() =>
        Assert.That(() => Create(cooperators: [Other, Lead]), Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("task.lead-cooperates"));

    [Test]
    public void SuccessionRecordsWhoHeldTheTaskBefore()
    {
        var (_, task) = Create(cooperators: Other);
        var successor = Guid.CreateVersion7();

        task.HandOver(Other, successor, "Merger", Now);

        Assert.That(task.CooperatorIds(), Is.EqualTo(new[] { successor }));
        Assert.That(task.HolderChanges.Select(h => (h.PreviousAgencyId, h.NewAgencyId)), Is.EquivalentTo(new[] { ((Guid?)Other, (Guid?)null), ((Guid?)null, (Guid?)successor) }));
    }

    [Test]
    public void IndexCodesKeepTheOrderGivenAndAreStoredAsTheFrameworkSpellsThem()
    {
        var (plan, task) = Create();

        task.Redefine(plan, Spec(" 7.b ", "1", "7.B", "7.1"), TestFramework.Qd922Like, null, Now);

        Assert.That(task.IndexCodes, Is.EqualTo(new[] { "7.B", "1", "7.1" }));
        Assert.That(task.Indices.OrderBy(i => i.Position).Select(i => i.Position), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public void RedefiningKeepsTheRowsOfCodesThatStay()
    {
        var (plan, task) = Create();
        var kept = task.Indices.Single(i => i.IndexCode == "7.1");

        task.Redefine(plan, Spec("7.1", "1"), TestFramework.Qd922Like, null, Now);

        Assert.That(task.IndexCodes, Is.EqualTo(new[] { "7.1", "1" }));
        Assert.That(task.Indices.Single(i => i.IndexCode == "7.1"), Is.SameAs(kept));
        Assert.That(kept.Position, Is.Zero);
    }

    [Test]
    public void AtMostTheLimitOfIndexCodes()
    {
        var (plan, task) = Create();
        var many = Enumerable.Range(0, PlanLimits.MaxTaskIndexCodes + 1).Select(i => $"x{i}").ToArray();

        Assert.That(() => task.Redefine(plan, Spec(many), TestFramework.Qd922Like, null, Now), Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Field)).EqualTo("indexCodes"));
    }

    [Test]
    public void RecordedProgressIsAnEvent()
    {
        var (plan, task) = Create();

        task.RecordProgress(plan, PlanTaskStatus.InProgress, 40, "Đang triển khai", new DateOnly(2023, 10, 31), Now);

        Assert.That(task.DomainEvents, Is.EqualTo(new IDomainEvent[]
        {
            new TaskProgressRecorded(task.Id, plan.Id, Lead, PlanTaskStatus.InProgress, 40, new DateOnly(2023, 10, 31)),
        }));
    }
}
