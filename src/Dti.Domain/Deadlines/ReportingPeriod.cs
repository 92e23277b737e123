using System.Globalization;
using Dti.Domain.Common;

namespace Dti.Domain.Deadlines;

/// <summary>How often a report is due, and so what kind of period it covers.</summary>
public enum ReportingFrequency
{
    Monthly,
    Quarterly,
    HalfYearly,

    /// <summary>The first nine months of a year (some provinces' 9-month report).</summary>
    NineMonthly,
    Annual,

    /// <summary>A single report due on an explicit date.</summary>
    OneOff,
}

/// <summary>
/// A reporting period with its compact identifier: <c>2026M04</c>, <c>2026Q1</c>, <c>2026H1</c>,
/// <c>2026N9</c> (first nine months), <c>2026</c> (year) and <c>2026X1</c> (one-off report number 1 of 2026).
/// </summary>
/// <remarks>
/// <see cref="Number"/> is the month, quarter or half; it is 1 for nine-month, annual periods, and
/// numbers one-off reports within the year. A one-off period spans its calendar year.
/// </remarks>
public sealed record ReportingPeriod
{
    /// <summary>The shape of <see cref="Id"/>: a year, then M, Q, H, N or X and the period's number.</summary>
    public const string IdPattern = "^[0-9]{4}([MQHNX][0-9]{1,2})?$";

    public const int IdMaxLength = 7;

    /// <summary>Monthly rules report most often.</summary>
    public const int MostPeriodsPerYear = 12;

    private ReportingPeriod(ReportingFrequency kind, int year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public ReportingFrequency Kind { get; }

    public int Year { get; }

    public int Number { get; }

    /// <summary>The compact identifier, e.g. <c>2026Q1</c>.</summary>
    public string Id => Kind switch
    {
        ReportingFrequency.Monthly => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}M{Number:D2}"),
        ReportingFrequency.Quarterly => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}Q{Number}"),
        ReportingFrequency.HalfYearly => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}H{Number}"),
        ReportingFrequency.NineMonthly => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}N9"),
        ReportingFrequency.Annual => Year.ToString("D4", CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}X{Number}"),
    };

    /// <summary>First day of the calendar period.</summary>
    public DateOnly Start => new(Year, FirstMonth, 1);

    /// <summary>Last day of the calendar period.</summary>
    public DateOnly End => new(Year, LastMonth, DateTime.DaysInMonth(Year, LastMonth));

    /// <summary>The calendar month (1–12) in which the period ends.</summary>
    public int LastMonth => Kind switch
    {
        ReportingFrequency.Monthly => Number,
        ReportingFrequency.Quarterly => Number * 3,
        ReportingFrequency.HalfYearly => Number * 6,
        ReportingFrequency.NineMonthly => 9,
        _ => 12,
    };

    private int FirstMonth => Kind switch
    {
        ReportingFrequency.Monthly => Number,
        ReportingFrequency.Quarterly => Number * 3 - 2,
        ReportingFrequency.HalfYearly => Number * 6 - 5,
        _ => 1,
    };

    /// <summary>Creates a period, checking that the number fits the kind.</summary>
    /// <exception cref="DomainException">Rule <c>reporting-period.invalid</c>.</exception>
    public static ReportingPeriod Create(ReportingFrequency kind, int year, int number)
    {
        var maxNumber = kind switch
        {
            ReportingFrequency.Monthly => 12,
            ReportingFrequency.Quarterly => 4,
            ReportingFrequency.HalfYearly => 2,
            ReportingFrequency.OneOff => 99,
            _ => 1,
        };
        if (year is < 1 or > 9998 || number < 1 || number > maxNumber)
        {
            throw new DomainException(
                "reporting-period.invalid",
                $"A {kind} period needs a year 1–9998 and a number 1–{maxNumber}, got {year} and {number}.",
                "period");
        }

        return new ReportingPeriod(kind, year, number);
    }

    /// <summary>Every period of <paramref name="kind"/> in <paramref name="year"/>, in order (one-off: number 1 only).</summary>
    public static IEnumerable<ReportingPeriod> AllOf(ReportingFrequency kind, int year)
    {
        var count = kind switch
        {
            ReportingFrequency.Monthly => 12,
            ReportingFrequency.Quarterly => 4,
            ReportingFrequency.HalfYearly => 2,
            _ => 1,
        };
        for (var number = 1; number <= count; number++)
        {
            yield return new ReportingPeriod(kind, year, number);
        }
    }

    /// <summary>Parses a compact identifier such as <c>2026M04</c>, <c>2026Q1</c>, <c>2026H2</c>, <c>2026N9</c>, <c>2026</c> or <c>2026X1</c>.</summary>
    /// <exception cref="DomainException">Rule <c>reporting-period.invalid</c>.</exception>
    public static ReportingPeriod Parse(string id)
    {
        var text = (id ?? string.Empty).Trim().ToUpperInvariant();
        if (text.Length >= 4 && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            var rest = text[4..];
            if (rest.Length == 0)
            {
                return Create(ReportingFrequency.Annual, year, 1);
            }

            var digits = rest[1..];
            var kind = rest[0] switch
            {
                'M' when digits.Length == 2 => ReportingFrequency.Monthly,
                'Q' when digits.Length == 1 => ReportingFrequency.Quarterly,
                'H' when digits.Length == 1 => ReportingFrequency.HalfYearly,
                'N' when digits == "9" => ReportingFrequency.NineMonthly,
                'X' when digits.Length is 1 or 2 => ReportingFrequency.OneOff,
                _ => (ReportingFrequency?)null,
            };
            if (kind is { } k && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return Create(k, year, k == ReportingFrequency.NineMonthly ? 1 : number);
            }
        }

        throw new DomainException(
            "reporting-period.invalid",
            $"'{id}' is not a period identifier; expected e.g. 2026M04, 2026Q1, 2026H1, 2026N9, 2026 or 2026X1.",
            "period");
    }

    /// <summary>The data window of this period under a cut-off convention.</summary>
    /// <remarks>
    /// Decree 09/2019/NĐ-CP Art. 12: from the 15th of the month before the period's first month to the
    /// 14th of its last month (monthly 15/(M−1) → 14/M; Q1 15/12 of the previous year → 14/3; H1 15/12 → 14/6,
    /// H2 15/6 → 14/12; nine months 15/12 → 14/9; annual 15/12 → 14/12).
    /// </remarks>
    public DataWindow DataWindow(CutoffConvention convention) => convention == CutoffConvention.Decree09
        ? new DataWindow(Start.AddMonths(-1).AddDays(14), new DateOnly(Year, LastMonth, 14))
        : new DataWindow(Start, End);

    public override string ToString() => Id;
}

/// <summary>The days whose data a report covers, both ends included.</summary>
public sealed record DataWindow(DateOnly From, DateOnly To);

/// <summary>How a period's data window is cut.</summary>
public enum CutoffConvention
{
    /// <summary>Decree 09/2019/NĐ-CP Art. 12: 15th of the previous month to the 14th.</summary>
    Decree09,

    /// <summary>The calendar period itself (1st of the first month to the last day of the last month).</summary>
    CalendarPeriod,
}
