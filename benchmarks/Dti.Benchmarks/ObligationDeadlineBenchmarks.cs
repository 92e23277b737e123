using BenchmarkDotNet.Attributes;
using Dti.Domain.Calendar;
using Dti.Domain.Deadlines;

namespace Dti.Benchmarks;

/// <summary>
/// Every deadline of <see cref="Agencies"/> × <see cref="Rules"/> obligations over <see cref="Years"/> years.
/// A rule's occurrences do not depend on the agency, so computing them once per rule and fanning them out
/// is compared with the naive recomputation per agency (the baseline).
/// </summary>
[MemoryDiagnoser]
public class ObligationDeadlineBenchmarks
{
    private DeadlineRule[] _rules = [];
    private DateOnly _from;
    private DateOnly _to;

    [Params(500)]
    public int Agencies { get; set; }

    [Params(50)]
    public int Rules { get; set; }

    [Params(10)]
    public int Years { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rules = BenchmarkRules.Create(Rules);
        _from = new DateOnly(2026, 1, 1);
        _to = new DateOnly(2026 + Years - 1, 12, 31);

        // Warm the calendar so both methods measure deadline work, not the first build of each year.
        foreach (var rule in _rules)
        {
            DeadlineCalculator.Occurrences(rule, _from, _to, WorkingCalendar.Default);
        }
    }

    [Benchmark(Baseline = true, Description = "per agency: recompute each obligation's deadlines")]
    public long PerAgencyRecomputation()
    {
        long count = 0;
        for (var agency = 0; agency < Agencies; agency++)
        {
            foreach (var rule in _rules)
            {
                count += DeadlineCalculator.Occurrences(rule, _from, _to, WorkingCalendar.Default).Count;
            }
        }

        return count;
    }

    [Benchmark(Description = "once per rule, fanned out to agencies")]
    public long OncePerRuleFannedOut()
    {
        var perRule = new IReadOnlyList<DeadlineOccurrence>[_rules.Length];
        var total = 0;
        for (var r = 0; r < _rules.Length; r++)
        {
            perRule[r] = DeadlineCalculator.Occurrences(_rules[r], _from, _to, WorkingCalendar.Default);
            total += perRule[r].Count;
        }

        var obligations = new AgencyDeadline[total * Agencies];
        var i = 0;
        for (var agency = 0; agency < Agencies; agency++)
        {
            foreach (var occurrences in perRule)
            {
                foreach (var occurrence in occurrences)
                {
                    obligations[i++] = new AgencyDeadline(agency, occurrence);
                }
            }
        }

        return obligations.Length;
    }

    private readonly record struct AgencyDeadline(int Agency, DeadlineOccurrence Occurrence);
}
