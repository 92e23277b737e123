using Dti.Domain.Clients;
using Dti.Domain.Common;

namespace Dti.Domain.Tests.Common;

/// <summary>The table itself, on a lifecycle shaped like the reports to come (two roles, a loop back, a final state).</summary>
public class LifecycleTests
{
    public enum Stage
    {
        Draft,
        Submitted,
        Returned,
        Accepted,
    }

    public enum Step
    {
        Submit,
        Return,
        Accept,
    }

    private static readonly Lifecycle<Stage, Step> Reports = new("report",
    [
        new(Stage.Draft, Step.Submit, Stage.Submitted, [ClientRole.AgencyReporter, ClientRole.Coordinator]),
        new(Stage.Returned, Step.Submit, Stage.Submitted, [ClientRole.Coordinator, ClientRole.AgencyReporter]),
        new(Stage.Submitted, Step.Return, Stage.Returned, [ClientRole.Coordinator]),
        new(Stage.Submitted, Step.Accept, Stage.Accepted, [ClientRole.Coordinator]),
    ]);

    [TestCase(Stage.Draft, Step.Submit, Stage.Submitted)]
    [TestCase(Stage.Returned, Step.Submit, Stage.Submitted)]
    [TestCase(Stage.Submitted, Step.Return, Stage.Returned)]
    [TestCase(Stage.Submitted, Step.Accept, Stage.Accepted)]
    public void ARowTakesTheActionToItsState(Stage from, Step step, Stage to) =>
        Assert.That(Reports.Next(from, step, "Report 'Q1'"), Is.EqualTo(to));

    [Test]
    public void AMissingRowIsAConflictNamingTheRuleTheStateAndTheAlternatives()
    {
        var failure = Assert.Throws<DomainException>(() => Reports.Next(Stage.Draft, Step.Accept, "Report 'Q1'"));

        Assert.That((failure!.Rule, failure.Kind, failure.Field), Is.EqualTo(("report.transition.not-allowed", DomainFailureKind.Conflict, "status")));
        Assert.That(failure.Message, Is.EqualTo("Report 'Q1' is Draft; Accept is not allowed from Draft. Allowed from Draft: Submit."));
    }

    [Test]
    public void AFinalStateAllowsNothing()
    {
        Assert.That(Reports.AllowedFrom(Stage.Accepted), Is.Empty);
        Assert.That(Assert.Throws<DomainException>(() => Reports.Next(Stage.Accepted, Step.Return, "Report 'Q1'"))!.Message,
            Does.EndWith("Accepted is final: no action is allowed from it."));
    }

    [Test]
    public void AllowedActionsComeInTableOrder() =>
        Assert.That(Reports.AllowedFrom(Stage.Submitted), Is.EqualTo(new[] { Step.Return, Step.Accept }));

    [Test]
    public void RolesAreThoseOfTheAction()
    {
        Assert.That(Reports.RolesFor(Step.Accept), Is.EqualTo(new[] { ClientRole.Coordinator }));
        Assert.That(Reports.RolesFor(Step.Submit), Is.EquivalentTo(new[] { ClientRole.Coordinator, ClientRole.AgencyReporter }));
    }

    [Test]
    public void AStateAndActionAppearOnce() =>
        Assert.That(() => new Lifecycle<Stage, Step>("report",
            [new(Stage.Draft, Step.Submit, Stage.Submitted, [ClientRole.Coordinator]), new(Stage.Draft, Step.Submit, Stage.Accepted, [ClientRole.Coordinator])]),
            Throws.ArgumentException.With.Message.Contains("Submit from Draft is listed more than once"));

    [Test]
    public void WhoMayTakeAnActionDoesNotDependOnTheState() =>
        Assert.That(() => new Lifecycle<Stage, Step>("report",
            [new(Stage.Draft, Step.Submit, Stage.Submitted, [ClientRole.AgencyReporter]), new(Stage.Returned, Step.Submit, Stage.Submitted, [ClientRole.Coordinator])]),
            Throws.ArgumentException.With.Message.Contains("the rows for Submit name different roles"));

    [Test]
    public void EveryRowNamesARole() =>
        Assert.That(() => new Lifecycle<Stage, Step>("report", [new(Stage.Draft, Step.Submit, Stage.Submitted, [])]),
            Throws.ArgumentException.With.Message.Contains("names no role"));
}
