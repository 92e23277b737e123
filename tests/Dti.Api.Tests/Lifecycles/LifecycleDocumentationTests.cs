using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Common;
using Dti.Domain.Plans;
using Dti.Domain.Reports;
using Dti.Domain.SelfAssessments;

namespace Dti.Api.Tests.Lifecycles;

/// <summary>
/// The lifecycle tables printed in the docs are the ones in the code: each doc holds its table between
/// <c>&lt;!-- lifecycle:{subject} --&gt;</c> and <c>&lt;!-- /lifecycle:{subject} --&gt;</c>, and this test fails, printing the
/// table to paste, when they differ. A new lifecycle adds one case.
/// </summary>
public sealed class LifecycleDocumentationTests
{
    private static IEnumerable<TestCaseData> Documented()
    {
        yield return new TestCaseData("docs/agencies-plans-assignments.md", PlanLifecycle.Table.Subject, Render(PlanLifecycle.Table)).SetName("Plan lifecycle");
        yield return new TestCaseData("docs/reports.md", ReportLifecycle.Table.Subject, Render(ReportLifecycle.Table)).SetName("Report lifecycle");
        yield return new TestCaseData("docs/reports.md", ReportLifecycle.ContributionTable.Subject, Render(ReportLifecycle.ContributionTable)).SetName("Contribution lifecycle");
        yield return new TestCaseData("docs/self-assessment.md", SelfAssessmentLifecycle.Table.Subject, Render(SelfAssessmentLifecycle.Table)).SetName("Self-assessment lifecycle");
    }

    [TestCaseSource(nameof(Documented))]
    public void TheDocumentedTableIsTheTableInTheCode(string document, string subject, string expected)
    {
        var text = File.ReadAllText(Path.Combine(Repository.Root, document)).ReplaceLineEndings("\n");
        var start = $"<!-- lifecycle:{subject} -->\n";
        var end = $"<!-- /lifecycle:{subject} -->";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        Assert.That(from >= 0 && to > from, Is.True, $"{document} should hold the {subject} lifecycle between '{start.Trim()}' and '{end}'. Paste:\n{expected}");

        var documented = text[(from + start.Length)..to];

        Assert.That(documented, Is.EqualTo(expected), $"{document} prints another {subject} lifecycle than the code. Paste:\n{expected}");
    }

    private static string Render<TState, TAction>(Lifecycle<TState, TAction> lifecycle)
        where TState : struct, Enum
        where TAction : struct, Enum =>
        "| From | Action | To | Who may take it |\n|---|---|---|---|\n"
        + string.Concat(lifecycle.Transitions.Select(t => $"| {t.From} | {t.Action} | {t.To} | {string.Join(", ", t.Roles)} |\n"));
}
