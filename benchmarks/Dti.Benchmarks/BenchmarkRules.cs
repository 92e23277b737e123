using Dti.Domain.Deadlines;

namespace Dti.Benchmarks;

/// <summary>A fixed, varied set of rules: every frequency, anchor, boundary and convention.</summary>
internal static class BenchmarkRules
{
    private static readonly string[] Texts =
    [
        "monthly no later than the 15th",
        "monthly before the 20th",
        "monthly within 2 working days after the cut-off",
        "hằng quý chậm nhất ngày 25 của tháng cuối quý",
        "quarterly before the 25th of the last month of the quarter; data by calendar period",
        "quarterly within 5 working days after the cut-off",
        "định kỳ 6 tháng trước ngày 20 của tháng cuối kỳ",
        "định kỳ 9 tháng chậm nhất ngày 25 của tháng cuối kỳ",
        "hằng năm chậm nhất ngày 15/01 năm sau",
        "annually no later than 20/12; not moved when it falls on a day off",
    ];

    public static DeadlineRule[] Create(int count) =>
        Enumerable.Range(0, count).Select(i => DeadlineRuleText.Parse(Texts[i % Texts.Length], $"rule {i}")).ToArray();
}
