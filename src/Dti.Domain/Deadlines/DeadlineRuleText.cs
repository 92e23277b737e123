using System.Globalization;
using System.Text;
using Dti.Domain.Common;

namespace Dti.Domain.Deadlines;

/// <summary>
/// Reads and writes deadline rules as Vietnamese or English sentences, e.g.
/// "quarterly no later than the 25th of the last month of the quarter",
/// "hằng năm chậm nhất ngày 15/01 năm sau", "monthly within 2 working days after the cut-off".
/// </summary>
/// <remarks>
/// <para>Shape: <c>frequency boundary anchor</c>, then optional clauses separated by ';' or ',' in any order:
/// the holiday adjustment, the cut-off convention and (last) the legal basis. Clauses left out default to
/// Civil Code Art. 148 (next working day) and the Decree 09/2019 cut-off.</para>
/// <para>Matching ignores case and extra spaces and accepts NFC or NFD Vietnamese; the two languages may be
/// mixed. <see cref="Format"/> writes every clause, and its output parses back to an equal rule.</para>
/// </remarks>
public static class DeadlineRuleText
{
    private const string NotUnderstood = "deadline-rule.text-not-understood";

    private static readonly (string Phrase, ReportingFrequency Value)[] Frequencies =
    [
        ("monthly", ReportingFrequency.Monthly), ("every month", ReportingFrequency.Monthly),
        ("hằng tháng", ReportingFrequency.Monthly), ("hàng tháng", ReportingFrequency.Monthly),
        ("quarterly", ReportingFrequency.Quarterly), ("every quarter", ReportingFrequency.Quarterly),
        ("hằng quý", ReportingFrequency.Quarterly), ("hàng quý", ReportingFrequency.Quarterly),
        ("half-yearly", ReportingFrequency.HalfYearly), ("half yearly", ReportingFrequency.HalfYearly),
        ("semi-annually", ReportingFrequency.HalfYearly), ("semiannually", ReportingFrequency.HalfYearly),
        ("every six months", ReportingFrequency.HalfYearly), ("every 6 months", ReportingFrequency.HalfYearly),
        ("định kỳ 6 tháng", ReportingFrequency.HalfYearly), ("định kỳ sáu tháng", ReportingFrequency.HalfYearly),
        ("6 tháng một lần", ReportingFrequency.HalfYearly), ("hằng nửa năm", ReportingFrequency.HalfYearly),
        ("nine-monthly", ReportingFrequency.NineMonthly), ("nine monthly", ReportingFrequency.NineMonthly),
        ("every nine months", ReportingFrequency.NineMonthly), ("for the first nine months", ReportingFrequency.NineMonthly),
        ("định kỳ 9 tháng", ReportingFrequency.NineMonthly), ("định kỳ chín tháng", ReportingFrequency.NineMonthly),
        ("annually", ReportingFrequency.Annual), ("yearly", ReportingFrequency.Annual), ("every year", ReportingFrequency.Annual),
        ("hằng năm", ReportingFrequency.Annual), ("hàng năm", ReportingFrequency.Annual),
        ("once", ReportingFrequency.OneOff), ("one-off", ReportingFrequency.OneOff), ("một lần", ReportingFrequency.OneOff),
    ];

    private static readonly (string Phrase, DeadlineBoundary Value)[] Boundaries =
    [
        ("before", DeadlineBoundary.Before), ("trước ngày", DeadlineBoundary.Before), ("trước", DeadlineBoundary.Before),
        ("trước khi hết", DeadlineBoundary.Before),
        ("no later than", DeadlineBoundary.NoLaterThan), ("not later than", DeadlineBoundary.NoLaterThan),
        ("on or before", DeadlineBoundary.NoLaterThan), ("by", DeadlineBoundary.NoLaterThan), ("within", DeadlineBoundary.NoLaterThan),
        ("chậm nhất ngày", DeadlineBoundary.NoLaterThan), ("chậm nhất vào ngày", DeadlineBoundary.NoLaterThan),
        ("chậm nhất là ngày", DeadlineBoundary.NoLaterThan), ("chậm nhất", DeadlineBoundary.NoLaterThan),
        ("không muộn hơn ngày", DeadlineBoundary.NoLaterThan), ("trong vòng", DeadlineBoundary.NoLaterThan),
        ("trong thời hạn", DeadlineBoundary.NoLaterThan), ("trong", DeadlineBoundary.NoLaterThan),
    ];

    private static readonly string[] DayFillers = ["the", "day", "ngày", "vào ngày"];

    private static readonly string[] WorkingDayWords = ["working days", "working day", "ngày làm việc"];

    private static readonly string[] AfterCutoff =
    [
        "after the cut-off date", "after the cut-off", "after the data cut-off", "after cut-off", "after the cutoff",
        "sau ngày chốt số liệu", "sau ngày chốt", "kể từ ngày chốt số liệu", "sau khi chốt số liệu",
    ];

    private static readonly string[] MonthQualifiers =
    [
        "of the last month of the quarter", "of the last month of the half-year", "of the last month of the half year",
        "of the last month of the nine months", "of the last month of the year", "of the last month of the period",
        "of the last month", "of the month", "of each month", "of every month",
        "của tháng cuối quý", "tháng cuối quý", "của tháng cuối kỳ", "tháng cuối kỳ", "của tháng cuối năm", "tháng cuối năm",
        "của tháng", "hằng tháng", "hàng tháng",
    ];

    private static readonly string[] FollowingYear =
    [
        "of the following year", "of the next year", "the following year", "next year",
        "năm sau", "của năm sau", "năm tiếp theo", "của năm tiếp theo",
    ];

    private static readonly (string Phrase, HolidayAdjustment Value)[] Adjustments =
    [
        ("moved to the next working day when it falls on a day off", HolidayAdjustment.NextWorkingDay),
        ("moved to the next working day if it falls on a day off", HolidayAdjustment.NextWorkingDay),
        ("next working day if a day off", HolidayAdjustment.NextWorkingDay),
        ("moved to the previous working day when it falls on a day off", HolidayAdjustment.PreviousWorkingDay),
        ("moved to the previous working day if it falls on a day off", HolidayAdjustment.PreviousWorkingDay),
        ("previous working day if a day off", HolidayAdjustment.PreviousWorkingDay),
        ("not moved when it falls on a day off", HolidayAdjustment.None),
        ("not moved if it falls on a day off", HolidayAdjustment.None),
        ("even on a day off", HolidayAdjustment.None),
        ("nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo", HolidayAdjustment.NextWorkingDay),
        ("nếu trùng ngày nghỉ thì lùi sang ngày làm việc tiếp theo", HolidayAdjustment.NextWorkingDay),
        ("nếu trùng ngày nghỉ thì chuyển về ngày làm việc liền trước", HolidayAdjustment.PreviousWorkingDay),
        ("nếu trùng ngày nghỉ thì đưa lên ngày làm việc liền trước", HolidayAdjustment.PreviousWorkingDay),
        ("không chuyển khi trùng ngày nghỉ", HolidayAdjustment.None),
        ("kể cả khi trùng ngày nghỉ", HolidayAdjustment.None),
    ];

    private static readonly (string Phrase, CutoffConvention Value)[] Cutoffs =
    [
        ("data cut-off per decree 09/2019", CutoffConvention.Decree09),
        ("data cut-off per decree 09/2019/nđ-cp", CutoffConvention.Decree09),
        ("cut-off per decree 09/2019", CutoffConvention.Decree09),
        ("data by calendar period", CutoffConvention.CalendarPeriod),
        ("calendar-period data", CutoffConvention.CalendarPeriod),
        ("chốt số liệu theo nghị định 09/2019", CutoffConvention.Decree09),
        ("chốt số liệu theo nghị định 09/2019/nđ-cp", CutoffConvention.Decree09),
        ("số liệu theo kỳ dương lịch", CutoffConvention.CalendarPeriod),
        ("số liệu theo kỳ lịch", CutoffConvention.CalendarPeriod),
    ];

    private static readonly string[] LegalBasisWords = ["legal basis:", "legal basis", "căn cứ:", "căn cứ"];

    private const string ExpectedFrequency = "a frequency such as 'monthly', 'quarterly', 'annually', 'hằng tháng', 'hằng quý', 'hằng năm'";
    private const string ExpectedBoundary = "'before', 'no later than', 'within', 'trước ngày', 'chậm nhất ngày' or 'trong vòng'";
    private const string ExpectedAnchor = "a day such as 'the 25th', a date such as '20/12' or '15/01/2027', or 'N working days after the cut-off'";
    private const string ExpectedClause = "a clause such as 'moved to the next working day when it falls on a day off', 'data cut-off per Decree 09/2019', 'legal basis: 09/2019/NĐ-CP of 08/01/2019' or their Vietnamese forms";

    /// <summary>Reads a rule from English or Vietnamese text.</summary>
    /// <param name="text">The sentence.</param>
    /// <param name="name">The rule's name; defaults to the text itself (trimmed, NFC, cut to <see cref="DeadlineRule.MaxNameLength"/>).</param>
    /// <exception cref="DomainException">
    /// Rule <c>deadline-rule.text-not-understood</c>, field <c>text</c>, quoting the part not understood and its
    /// position (counted in the NFC form of the text); or a rule of <see cref="DeadlineRule.Create"/>.
    /// </exception>
    public static DeadlineRule Parse(string text, string? name = null)
    {
        var reader = new Reader(text ?? string.Empty);
        var frequency = reader.Expect(Frequencies, ExpectedFrequency);
        reader.SkipSeparators();
        var boundary = reader.Expect(Boundaries, ExpectedBoundary);
        var due = ReadAnchor(reader, frequency);

        var adjustment = HolidayAdjustment.NextWorkingDay;
        var cutoff = CutoffConvention.Decree09;
        LegalBasis? legalBasis = null;
        while (true)
        {
            reader.SkipSeparators();
            if (reader.AtEnd)
            {
                break;
            }

            if (legalBasis is not null)
            {
                throw reader.Fail("the end of the text after the legal basis");
            }

            if (reader.TryMatch(Adjustments, out var a))
            {
                adjustment = a;
            }
            else if (reader.TryMatch(Cutoffs, out var c))
            {
                cutoff = c;
            }
            else if (reader.TryWord(LegalBasisWords))
            {
                legalBasis = reader.ReadLegalBasis();
            }
            else
            {
                throw reader.Fail(ExpectedClause);
            }
        }

        var ruleName = name ?? reader.Original[..Math.Min(reader.Original.Length, DeadlineRule.MaxNameLength)];
        return DeadlineRule.Create(ruleName, frequency, due, boundary, cutoff, adjustment, legalBasis);
    }

    /// <summary>Writes a rule as a sentence in <paramref name="language"/>: "vi" or "en".</summary>
    /// <exception cref="DomainException">Rule <c>deadline-rule.unknown-language</c> for any other language.</exception>
    public static string Format(DeadlineRule rule, string language)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return (language ?? string.Empty).Trim().ToLowerInvariant() switch
        {
            "en" => FormatEnglish(rule),
            "vi" => FormatVietnamese(rule),
            _ => throw new DomainException("deadline-rule.unknown-language", $"Language '{language}' is not supported; use 'vi' or 'en'.", "language"),
        };
    }

    private static DueAnchor ReadAnchor(Reader reader, ReportingFrequency frequency)
    {
        reader.TryWord(DayFillers);
        var start = reader.Position;
        if (!reader.TryNumber(out var number))
        {
            throw reader.Fail(ExpectedAnchor);
        }

        if (reader.TryChar('/'))
        {
            if (!reader.TryNumber(out var month))
            {
                throw reader.Fail("a month after '/'");
            }

            if (reader.TryChar('/'))
            {
                if (!reader.TryNumber(out var year))
                {
                    throw reader.Fail("a year after the second '/'");
                }

                return new DueAnchor.ExplicitDate(reader.ToDate(year, month, number, start));
            }

            reader.EndOfWord(start, ExpectedAnchor);
            return new DueAnchor.FixedDate(number, month, reader.TryWord(FollowingYear));
        }

        if (reader.TryWord(WorkingDayWords))
        {
            if (!reader.TryWord(AfterCutoff))
            {
                throw reader.Fail("'after the cut-off' or 'sau ngày chốt số liệu'");
            }

            return new DueAnchor.WorkingDaysAfterCutoff(number);
        }

        reader.TryOrdinalSuffix();
        reader.EndOfWord(start, ExpectedAnchor);
        reader.TryWord(["day"]);
        if (frequency is not ReportingFrequency.OneOff)
        {
            reader.TryWord(MonthQualifiers);
        }

        return new DueAnchor.DayOfLastMonth(number);
    }

    private static string FormatEnglish(DeadlineRule rule)
    {
        var text = new StringBuilder();
        text.Append(rule.Frequency switch
        {
            ReportingFrequency.Monthly => "monthly",
            ReportingFrequency.Quarterly => "quarterly",
            ReportingFrequency.HalfYearly => "half-yearly",
            ReportingFrequency.NineMonthly => "nine-monthly",
            ReportingFrequency.Annual => "annually",
            _ => "once",
        });
        var before = rule.Boundary == DeadlineBoundary.Before;
        text.Append(rule.Due switch
        {
            DueAnchor.WorkingDaysAfterCutoff w => Invariant($" {(before ? "before" : "within")} {w.WorkingDays} working day{(w.WorkingDays == 1 ? string.Empty : "s")} after the cut-off"),
            DueAnchor.DayOfLastMonth d => Invariant($" {(before ? "before" : "no later than")} the {d.Day}{Ordinal(d.Day)} {EnglishMonthQualifier(rule.Frequency)}"),
            DueAnchor.FixedDate f => Invariant($" {(before ? "before" : "no later than")} {f.Day:D2}/{f.Month:D2}{(f.FollowingYear ? " of the following year" : string.Empty)}"),
            DueAnchor.ExplicitDate e => $" {(before ? "before" : "no later than")} {e.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}",
            _ => throw new InvalidOperationException($"Unknown anchor {rule.Due}."),
        });
        text.Append(rule.Adjustment switch
        {
            HolidayAdjustment.NextWorkingDay => "; moved to the next working day when it falls on a day off",
            HolidayAdjustment.PreviousWorkingDay => "; moved to the previous working day when it falls on a day off",
            _ => "; not moved when it falls on a day off",
        });
        text.Append(rule.Cutoff == CutoffConvention.Decree09 ? "; data cut-off per Decree 09/2019" : "; data by calendar period");
        if (rule.LegalBasis is { } basis)
        {
            text.Append(CultureInfo.InvariantCulture, $"; legal basis: {basis.DocumentNumber} of {basis.IssuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        }

        return text.ToString();
    }

    private static string FormatVietnamese(DeadlineRule rule)
    {
        var text = new StringBuilder();
        text.Append(rule.Frequency switch
        {
            ReportingFrequency.Monthly => "hằng tháng",
            ReportingFrequency.Quarterly => "hằng quý",
            ReportingFrequency.HalfYearly => "định kỳ 6 tháng",
            ReportingFrequency.NineMonthly => "định kỳ 9 tháng",
            ReportingFrequency.Annual => "hằng năm",
            _ => "một lần",
        });
        var before = rule.Boundary == DeadlineBoundary.Before;
        var onDay = before ? "trước ngày" : "chậm nhất ngày";
        text.Append(rule.Due switch
        {
            DueAnchor.WorkingDaysAfterCutoff w => Invariant($" {(before ? "trước khi hết" : "trong vòng")} {w.WorkingDays} ngày làm việc sau ngày chốt số liệu"),
            DueAnchor.DayOfLastMonth d => Invariant($" {onDay} {d.Day}{VietnameseMonthQualifier(rule.Frequency)}"),
            DueAnchor.FixedDate f => Invariant($" {onDay} {f.Day:D2}/{f.Month:D2}{(f.FollowingYear ? " năm sau" : string.Empty)}"),
            DueAnchor.ExplicitDate e => $" {onDay} {e.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}",
            _ => throw new InvalidOperationException($"Unknown anchor {rule.Due}."),
        });
        text.Append(rule.Adjustment switch
        {
            HolidayAdjustment.NextWorkingDay => "; nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo",
            HolidayAdjustment.PreviousWorkingDay => "; nếu trùng ngày nghỉ thì chuyển về ngày làm việc liền trước",
            _ => "; không chuyển khi trùng ngày nghỉ",
        });
        text.Append(rule.Cutoff == CutoffConvention.Decree09 ? "; chốt số liệu theo Nghị định 09/2019" : "; số liệu theo kỳ dương lịch");
        if (rule.LegalBasis is { } basis)
        {
            text.Append(CultureInfo.InvariantCulture, $"; căn cứ: {basis.DocumentNumber} ngày {basis.IssuedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}");
        }

        return text.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Ordinal(int day) => (day % 100) switch
    {
        11 or 12 or 13 => "th",
        _ => (day % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" },
    };

    private static string EnglishMonthQualifier(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Monthly => "of the month",
        ReportingFrequency.Quarterly => "of the last month of the quarter",
        ReportingFrequency.HalfYearly => "of the last month of the half-year",
        ReportingFrequency.NineMonthly => "of the last month of the nine months",
        _ => "of the last month of the year",
    };

    private static string VietnameseMonthQualifier(ReportingFrequency frequency) => frequency switch
    {
        ReportingFrequency.Monthly => string.Empty,
        ReportingFrequency.Quarterly => " của tháng cuối quý",
        ReportingFrequency.Annual => " của tháng cuối năm",
        _ => " của tháng cuối kỳ",
    };

    /// <summary>
    /// A cursor over the text folded for matching (NFC, lower case, runs of white space as one space), which
    /// remembers where each folded character came from so that messages quote the original.
    /// </summary>
    private sealed class Reader
    {
        private readonly string _folded;
        private readonly int[] _origin;

        public Reader(string text)
        {
            Original = text.Normalize(NormalizationForm.FormC).Trim();
            var folded = new StringBuilder(Original.Length);
            var origin = new List<int>(Original.Length + 1);
            for (var i = 0; i < Original.Length; i++)
            {
                var c = Original[i];
                if (char.IsWhiteSpace(c))
                {
                    if (folded.Length > 0 && folded[^1] == ' ')
                    {
                        continue;
                    }

                    c = ' ';
                }

                folded.Append(char.ToLowerInvariant(c));
                origin.Add(i);
            }

            origin.Add(Original.Length);
            _folded = folded.ToString();
            _origin = [.. origin];
        }

        public string Original { get; }

        public int Position { get; private set; }

        public bool AtEnd => Position >= _folded.Length;

        public T Expect<T>((string Phrase, T Value)[] table, string expected)
        {
            SkipSpaces();
            return TryMatch(table, out var value) ? value : throw Fail(expected);
        }

        public bool TryMatch<T>((string Phrase, T Value)[] table, out T value)
        {
            var start = Position;
            SkipSpaces();
            var best = -1;
            for (var i = 0; i < table.Length; i++)
            {
                if (MatchesAt(table[i].Phrase) && (best < 0 || table[i].Phrase.Length > table[best].Phrase.Length))
                {
                    best = i;
                }
            }

            if (best < 0)
            {
                Position = start;
                value = default!;
                return false;
            }

            Position += table[best].Phrase.Length;
            value = table[best].Value;
            return true;
        }

        public bool TryWord(string[] words) => TryMatch(Array.ConvertAll(words, w => (w, true)), out _);

        public bool TryNumber(out int number)
        {
            SkipSpaces();
            var start = Position;
            while (Position < _folded.Length && Position - start < 6 && char.IsAsciiDigit(_folded[Position]))
            {
                Position++;
            }

            return int.TryParse(_folded.AsSpan(start, Position - start), NumberStyles.None, CultureInfo.InvariantCulture, out number);
        }

        public bool TryChar(char c)
        {
            if (Position < _folded.Length && _folded[Position] == c)
            {
                Position++;
                return true;
            }

            return false;
        }

        public void TryOrdinalSuffix()
        {
            foreach (var suffix in new[] { "st", "nd", "rd", "th" })
            {
                if (string.CompareOrdinal(_folded, Position, suffix, 0, suffix.Length) == 0)
                {
                    Position += suffix.Length;
                    return;
                }
            }
        }

        /// <summary>Fails unless the token that began at <paramref name="start"/> ends here.</summary>
        public void EndOfWord(int start, string expected)
        {
            if (!AtWordBoundary(Position))
            {
                Position = start;
                throw Fail(expected);
            }
        }

        public DateOnly ToDate(int year, int month, int day, int start)
        {
            if (year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }

            Position = start;
            throw Fail("a real date in dd/mm/yyyy form");
        }

        public LegalBasis ReadLegalBasis()
        {
            SkipSpaces();
            var rest = _folded[Position..].TrimEnd('.', ' ', ';', ',');
            foreach (var separator in new[] { " of ", " ngày " })
            {
                var at = rest.LastIndexOf(separator, StringComparison.Ordinal);
                if (at <= 0)
                {
                    continue;
                }

                var dateText = rest[(at + separator.Length)..];
                if (DateOnly.TryParseExact(dateText, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var issuedOn))
                {
                    var number = Original[_origin[Position].._origin[Position + at]].Trim();
                    Position = _folded.Length;
                    return new LegalBasis(number, issuedOn);
                }
            }

            throw Fail("a document number followed by ' of dd/mm/yyyy' or ' ngày dd/mm/yyyy'");
        }

        public void SkipSeparators()
        {
            while (Position < _folded.Length && _folded[Position] is ' ' or ',' or ';' or '.')
            {
                Position++;
            }
        }

        public DomainException Fail(string expected)
        {
            SkipSpaces();
            if (AtEnd)
            {
                return new DomainException(
                    NotUnderstood,
                    $"Could not understand the text: it ends at position {Original.Length}; expected {expected}.",
                    "text");
            }

            var end = Position;
            while (end < _folded.Length && !IsSeparator(_folded[end]))
            {
                end++;
            }

            var from = _origin[Position];
            var word = Original[from.._origin[end]];
            return new DomainException(
                NotUnderstood,
                $"Could not understand '{word}' at position {from}; expected {expected}.",
                "text");
        }

        private void SkipSpaces()
        {
            while (Position < _folded.Length && _folded[Position] == ' ')
            {
                Position++;
            }
        }

        private bool MatchesAt(string phrase) =>
            string.CompareOrdinal(_folded, Position, phrase, 0, phrase.Length) == 0
            && (phrase[^1] == ':' || AtWordBoundary(Position + phrase.Length));

        private bool AtWordBoundary(int index) => index >= _folded.Length || IsSeparator(_folded[index]);

        private static bool IsSeparator(char c) => c is ' ' or ',' or ';' or '.' or ':';
    }
}
