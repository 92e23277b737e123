using System.Globalization;
using System.Text.RegularExpressions;
using Dti.Domain.Common;

namespace Dti.Domain.Deadlines;

/// <summary>
/// Reads deadline wording word by word. Each word (or longest known phrase) fills a part of the rule being read;
/// a second frequency or a second deadline starts the next rule, so "hàng quý (trước ngày 25 tháng cuối quý) và
/// hàng năm (trước ngày 20/12)" gives two rules. Clauses (holiday adjustment, cut-off, legal basis) apply to every
/// rule of the sentence.
/// </summary>
internal sealed partial class DeadlineTextReader
{
    private const string NotUnderstood = "deadline-rule.text-not-understood";
    private const string Expected = "a frequency such as 'monthly', 'quarterly', 'hằng quý', 'hằng năm', a deadline ('trước ngày 25 tháng cuối quý', 'no later than 20/12', 'within 3 working days after the end of the month') or a clause ('nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo', 'căn cứ: 170/KH-UBND ngày 11/08/2023')";

    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly List<Draft> _drafts = [];
    private int _at;
    private bool _dayFollows;
    private HolidayAdjustment? _adjustment;
    private CutoffConvention? _cutoff;
    private LegalBasis? _legalBasis;
    private bool _adHoc;

    public DeadlineTextReader(string text)
    {
        _text = text;
        _tokens = DeadlineTextTokens.Split(text);
    }

    private Draft Current
    {
        get
        {
            if (_drafts.Count == 0)
            {
                _drafts.Add(new Draft(_at));
            }

            return _drafts[^1];
        }
    }

    /// <summary>The rules of the sentence and whether it also asks for ad hoc reports.</summary>
    public (IReadOnlyList<DeadlineRule> Rules, bool AdHoc) Read(string name)
    {
        while (_at < _tokens.Count)
        {
            var numeric = IsNumeric(_tokens[_at].Text);
            if ((numeric && _dayFollows && TryDeadline()) || TryPhrase() || (numeric && TryDeadline()))
            {
                continue;
            }

            throw Unknown(_at);
        }

        return (Build(name), _adHoc);
    }

    private static bool IsNumeric(string word) => char.IsAsciiDigit(word[0]) || DeadlineTextLexicon.MonthNames.ContainsKey(word);

    private bool TryPhrase()
    {
        if (Match(_at, static k => k is not (WordKind.Hour or WordKind.Minute or WordKind.AfterNoon or WordKind.WorkingUnit or WordKind.CalendarUnit)) is not { } phrase)
        {
            return false;
        }

        var start = _at;
        _at += phrase.Tokens.Length;
        var dayFollows = false;
        switch (phrase.Kind)
        {
            case WordKind.Frequency:
                // "báo cáo tháng: trước ngày 20 hằng tháng" repeats the frequency of the same rule.
                if (Current.Frequency is { } said && said != (ReportingFrequency)phrase.Value)
                {
                    NewDraft(start);
                }

                Current.Frequency = (ReportingFrequency)phrase.Value;
                break;
            case WordKind.Boundary:
                if (Current.HasDeadline)
                {
                    NewDraft(start);
                }

                Current.Boundary = (DeadlineBoundary)phrase.Value;
                dayFollows = true;
                break;
            case WordKind.Filler:
                dayFollows = phrase.Value == 1 || _dayFollows;
                break;
            case WordKind.AdHoc:
                _adHoc = true;
                break;
            case WordKind.Recipient:
                SkipRecipient();
                break;
            case WordKind.LastMonthOf:
                Current.Imply(phrase, start);
                break;
            case WordKind.MonthsAfter:
                Current.Imply(phrase, start);
                Current.MonthsAfter = phrase.Value;
                break;
            case WordKind.FollowingYear or WordKind.SameYear:
                Current.FollowingYear = phrase.Kind == WordKind.FollowingYear;
                break;
            case WordKind.CountedFrom:
                if (Current.Count is null)
                {
                    throw Fail(start, "a number of days before it, e.g. '3 ngày làm việc sau khi kết thúc quý'");
                }

                Current.Imply(phrase, start);
                Current.CountedFrom = (DaysCountedFrom)phrase.Value;
                break;
            case WordKind.Adjustment:
                _adjustment = (HolidayAdjustment)phrase.Value;
                break;
            case WordKind.Cutoff:
                _cutoff = (CutoffConvention)phrase.Value;
                break;
            case WordKind.LegalBasis:
                ReadLegalBasis(start);
                break;
        }

        _dayFollows = dayFollows;
        return true;
    }

    /// <summary>A time, a date, a number of days or a day of the month starting at the current word.</summary>
    private bool TryDeadline()
    {
        var start = _at;
        if (TryTime(out var time))
        {
            if (Current.Time is not null)
            {
                NewDraft(start);
            }

            Current.Time = time;
            Current.HasTime = true;
            _dayFollows = true;
            return true;
        }

        if (TryDate(out var day, out var month, out var year))
        {
            StartDeadline(start);
            (Current.Day, Current.Month, Current.Year, Current.DayAt) = (day, month, year, start);
            _dayFollows = false;
            return true;
        }

        if (!Number(_tokens[_at].Text, out var number))
        {
            return false;
        }

        // "3 ngày làm việc …"; plain "10 ngày" counts days only when what they count from follows.
        var unit = Match(_at + 1, static k => k == WordKind.WorkingUnit) is { } working
            ? (Phrase: working, Count: DayCount.WorkingDays)
            : Match(_at + 1, static k => k == WordKind.CalendarUnit) is { } calendar && Match(_at + 1 + calendar.Tokens.Length, static k => k == WordKind.CountedFrom) is not null
                ? (Phrase: calendar, Count: DayCount.CalendarDays)
                : (Phrase: null, Count: DayCount.WorkingDays);
        if (unit.Phrase is not null)
        {
            StartDeadline(start);
            (Current.Count, Current.DayCount, Current.DayAt) = (number, unit.Count, start);
            _at += 1 + unit.Phrase.Tokens.Length;
            Current.CountEnd = _at;
            _dayFollows = false;
            return true;
        }

        if (!OrdinalDay().IsMatch(_tokens[_at].Text))
        {
            return false;
        }

        StartDeadline(start);
        (Current.Day, Current.DayAt) = (number, start);
        _at++;
        _dayFollows = false;
        return true;
    }

    private void StartDeadline(int start)
    {
        if (Current.HasDeadline)
        {
            NewDraft(start);
        }
    }

    private bool TryTime(out TimeOnly? time)
    {
        time = null;
        var word = _tokens[_at].Text;
        int hours;
        var minutes = 0;
        var next = _at + 1;
        var clock = ClockTime().Match(word);
        if (clock.Success)
        {
            hours = int.Parse(clock.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            minutes = clock.Groups[2].Success ? int.Parse(clock.Groups[2].ValueSpan, CultureInfo.InvariantCulture) : 0;
            if (!clock.Groups[2].Success && !word.Contains('h', StringComparison.Ordinal) && !word.Contains('g', StringComparison.Ordinal))
            {
                return false;
            }
        }
        else if (Number(word, out hours) && Match(next, static k => k == WordKind.Hour) is { } hour)
        {
            next += hour.Tokens.Length;
            if (next < _tokens.Count && Number(_tokens[next].Text, out var m) && _tokens[next].Text.Length == 2)
            {
                minutes = m;
                next++;
                if (Match(next, static k => k == WordKind.Minute) is { } minute)
                {
                    next += minute.Tokens.Length;
                }
            }
        }
        else if (!Number(word, out hours) || Match(next, static k => k == WordKind.AfterNoon) is null)
        {
            return false;
        }

        if (Match(next, static k => k == WordKind.AfterNoon) is { } half)
        {
            hours += hours < 12 ? half.Value : 0;
            next += half.Tokens.Length;
        }

        if (hours > 24 || minutes > 59 || (hours == 24 && minutes > 0))
        {
            throw Fail(_at, "a time of day from 00:00 to 24:00");
        }

        // 24:00 is the end of the day, which is what a rule without a time means.
        time = hours == 24 ? null : new TimeOnly(hours, minutes);
        _at = next;
        return true;
    }

    private bool TryDate(out int day, out int? month, out int? year)
    {
        (day, month, year) = (0, null, null);
        var word = _tokens[_at].Text;
        var next = _at + 1;
        var numeric = NumericDate().Match(word);
        if (numeric.Success)
        {
            day = int.Parse(numeric.Groups[1].ValueSpan, CultureInfo.InvariantCulture);
            month = int.Parse(numeric.Groups[2].ValueSpan, CultureInfo.InvariantCulture);
            if (numeric.Groups[3].Success)
            {
                year = int.Parse(numeric.Groups[3].ValueSpan, CultureInfo.InvariantCulture);
            }
        }
        else if (DeadlineTextLexicon.MonthNames.TryGetValue(word, out var named) && next < _tokens.Count && OrdinalDay().IsMatch(_tokens[next].Text))
        {
            // "December 20", "December 20th, 2026"
            Number(_tokens[next].Text, out day);
            month = named;
            next++;
        }
        else if (OrdinalDay().IsMatch(word) && Number(word, out day))
        {
            var of = next < _tokens.Count && _tokens[next].Text == "of" ? 1 : 0;
            if (next + of < _tokens.Count && DeadlineTextLexicon.MonthNames.TryGetValue(_tokens[next + of].Text, out var after))
            {
                // "20 December", "20th of December"
                month = after;
                next += of + 1;
            }
            else if (next + 1 < _tokens.Count && _tokens[next].Text == "thang" && Number(_tokens[next + 1].Text, out var m) && m is >= 1 and <= 12)
            {
                // "ngày 20 tháng 12"
                month = m;
                next += 2;
                if (next + 1 < _tokens.Count && _tokens[next].Text == "nam" && Year(_tokens[next + 1].Text) is { } y)
                {
                    year = y;
                    next += 2;
                }
            }
            else
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        if (year is null && next < _tokens.Count && Year(_tokens[next].Text) is { } written)
        {
            year = written;
            next++;
        }

        _at = next;
        return true;
    }

    private static int? Year(string word) => word.Length == 4 && Number(word, out var year) ? year : null;

    private static bool Number(string word, out int number)
    {
        var digits = OrdinalDay().Match(word) is { Success: true } m ? m.Groups[1].Value : word;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out number) && digits.Length <= 4;
    }

    /// <summary>Skips a recipient ("gửi Sở Thông tin và Truyền thông") up to the next word that says something about the deadline.</summary>
    private void SkipRecipient()
    {
        while (_at < _tokens.Count && !char.IsAsciiDigit(_tokens[_at].Text[0])
            && Match(_at, static k => k is WordKind.Boundary or WordKind.Frequency or WordKind.AdHoc or WordKind.Adjustment or WordKind.Cutoff or WordKind.LegalBasis) is null)
        {
            _at++;
        }
    }

    private void ReadLegalBasis(int start)
    {
        if (_at >= _tokens.Count)
        {
            throw Fail(start, "a document number followed by ' of dd/mm/yyyy' or ' ngày dd/mm/yyyy'");
        }

        var rest = _text[_tokens[_at].From..];
        var match = LegalBasisText().Match(rest);
        if (!match.Success || !DateOnly.TryParseExact(match.Groups["date"].Value, ["dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var issuedOn))
        {
            throw Fail(_at, "a document number followed by ' of dd/mm/yyyy' or ' ngày dd/mm/yyyy'");
        }

        _legalBasis = new LegalBasis(match.Groups["number"].Value.Trim(), issuedOn);
        _at = _tokens.Count;
    }

    private Phrase? Match(int at, Func<WordKind, bool> kinds)
    {
        if (at >= _tokens.Count || !DeadlineTextLexicon.ByFirstToken.TryGetValue(_tokens[at].Text, out var candidates))
        {
            return null;
        }

        foreach (var phrase in candidates)
        {
            if (kinds(phrase.Kind) && at + phrase.Tokens.Length <= _tokens.Count && Enumerable.Range(0, phrase.Tokens.Length).All(i => _tokens[at + i].Text == phrase.Tokens[i]))
            {
                return phrase;
            }
        }

        return null;
    }

    private void NewDraft(int at) => _drafts.Add(new Draft(at));

    private List<DeadlineRule> Build(string name)
    {
        var drafts = _drafts.Where(d => !d.IsEmpty).ToList();
        if (drafts.Count == 0 && !_adHoc)
        {
            throw Fail(_tokens.Count, Expected);
        }

        // "báo cáo quý, 6 tháng: chậm nhất ngày 20 của tháng cuối kỳ": a frequency without a deadline shares the next one.
        for (var i = drafts.Count - 2; i >= 0; i--)
        {
            if (!drafts[i].HasDeadline && drafts[i].Frequency is not null && drafts[i + 1].HasDeadline)
            {
                drafts[i].ShareDeadline(drafts[i + 1]);
            }
        }

        var cutoff = _cutoff ?? CutoffConvention.Decree09;
        var adjustment = _adjustment ?? HolidayAdjustment.NextWorkingDay;
        var rules = new List<DeadlineRule>(drafts.Count);
        foreach (var draft in drafts)
        {
            if (!draft.HasDeadline)
            {
                throw Fail(draft.Start, "a deadline after it, such as 'trước ngày 25 tháng cuối quý' or 'no later than 20/12'");
            }

            var frequency = draft.Frequency ?? draft.Implied
                ?? (draft.Year is not null ? ReportingFrequency.OneOff : draft.Month is not null ? ReportingFrequency.Annual : (ReportingFrequency?)null)
                ?? throw Fail(draft.Start, "a frequency such as 'hằng quý', 'hằng năm', 'quarterly' or a period such as 'tháng cuối quý'");
            if (draft.Frequency is { } said && draft.Implied is { } implied && said != implied)
            {
                throw Fail(draft.ImpliedAt, $"wording that fits a {said} rule ('{_text[_tokens[draft.ImpliedAt].From.._tokens[draft.ImpliedAt].To]}…' is {implied})");
            }

            var due = Anchor(draft);
            var boundary = draft.HasTime ? DeadlineBoundary.NoLaterThan : draft.Boundary ?? DeadlineBoundary.NoLaterThan;
            var rule = DeadlineRule.Create(name, frequency, due, boundary, cutoff, adjustment, _legalBasis, draft.Time);
            rules.Add(rule);
        }

        return rules;
    }

    private DueAnchor Anchor(Draft draft)
    {
        if (draft.Count is { } count)
        {
            return draft.CountedFrom is { } from
                ? new DueAnchor.DaysAfter(count, draft.DayCount, from)
                : throw Fail(draft.CountEnd, "'after the cut-off', 'after the end of the period', 'sau ngày chốt số liệu' or 'kể từ ngày kết thúc kỳ báo cáo' after the number of days");
        }

        var day = draft.Day!.Value;
        if (draft.Year is { } year)
        {
            return draft.Month is { } m && m is >= 1 and <= 12 && year is >= 1 and <= 9999 && day >= 1 && day <= DateTime.DaysInMonth(year, m)
                ? new DueAnchor.ExplicitDate(new DateOnly(year, m, day))
                : throw Fail(draft.DayAt, "a real date in dd/mm/yyyy form");
        }

        if (draft.Month is { } month)
        {
            return new DueAnchor.FixedDate(day, month, draft.FollowingYear ?? DeadlineRuleText.ImpliesFollowingYear(day, month));
        }

        return draft.MonthsAfter > 0 ? new DueAnchor.DayOfMonthAfter(day, draft.MonthsAfter) : new DueAnchor.DayOfLastMonth(day);
    }

    private DomainException Unknown(int at)
    {
        var token = _tokens[at];
        var word = _text[token.From..token.To];
        var suggestions = Nearest(at);
        var hint = suggestions.Count > 0
            ? $"did you mean {string.Join(", ", suggestions.Select(s => $"'{s}'"))}? Otherwise expected {ExpectedHere()}"
            : $"expected {ExpectedHere()}";
        return new DomainException(NotUnderstood, $"Could not understand '{word}' at position {token.From}; {hint}.", "text");
    }

    /// <summary>What could come next, from what the rule being read already has.</summary>
    private string ExpectedHere() => _drafts.Count == 0 || Current.IsEmpty
        ? Expected
        : Current.HasDeadline
            ? "a clause such as 'nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo', 'chốt số liệu theo Nghị định 09/2019', 'căn cứ: 170/KH-UBND ngày 11/08/2023' (or 'moved to the next working day when it falls on a day off', 'legal basis: …'), or another rule such as 'và hằng năm trước ngày 20/12'"
            : Current.Boundary is not null || Current.HasTime
                ? "a day such as 'the 25th' or 'ngày 25', a date such as '20/12', '20 December' or '15/01/2027', or 'N working days after the cut-off'"
                : "'before', 'no later than', 'within', 'trước ngày', 'chậm nhất ngày' or 'trong vòng'";

    private DomainException Fail(int at, string expected)
    {
        if (at >= _tokens.Count)
        {
            return new DomainException(NotUnderstood, $"Could not understand the text: it ends at position {_text.Length}; expected {expected}.", "text");
        }

        var token = _tokens[at];
        return new DomainException(NotUnderstood, $"Could not understand '{_text[token.From..token.To]}' at position {token.From}; expected {expected}.", "text");
    }

    /// <summary>Up to three known phrases closest to the words at <paramref name="at"/> (edit distance on the folded words).</summary>
    private List<string> Nearest(int at) => DeadlineTextLexicon.Phrases
        .Where(p => p.Kind is not (WordKind.Filler or WordKind.Hour or WordKind.Minute or WordKind.AfterNoon or WordKind.And))
        .Select(p =>
        {
            var words = string.Join(' ', _tokens.Skip(at).Take(p.Tokens.Length).Select(t => t.Text));
            var known = string.Join(' ', p.Tokens);
            return (p.Text, Score: (double)Distance(words, known) / Math.Max(words.Length, known.Length));
        })
        .Where(c => c.Score <= 0.4)
        .OrderBy(c => c.Score)
        .Select(c => c.Text)
        .Distinct(StringComparer.Ordinal)
        .Take(3)
        .ToList();

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    [GeneratedRegex(@"^(\d{1,2})(st|nd|rd|th)?$")]
    private static partial Regex OrdinalDay();

    [GeneratedRegex(@"^(\d{1,2})(?:[:hg](\d{2})?)$")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"^(\d{1,2})[/.\-](\d{1,2})(?:[/.\-](\d{4}))?$")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^(?<number>.+?)\s+(?:of|ngày|ngay)\s+(?<date>\d{1,2}/\d{1,2}/\d{4})\s*[.;,]?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex LegalBasisText();

    /// <summary>One rule being read.</summary>
    private sealed class Draft(int start)
    {
        public int Start { get; } = start;

        public ReportingFrequency? Frequency { get; set; }

        public ReportingFrequency? Implied { get; private set; }

        public int ImpliedAt { get; private set; }

        public DeadlineBoundary? Boundary { get; set; }

        public int? Day { get; set; }

        public int? Month { get; set; }

        public int? Year { get; set; }

        public int DayAt { get; set; }

        public int MonthsAfter { get; set; }

        /// <summary>The word after a number of days, where what they are counted from should be.</summary>
        public int CountEnd { get; set; }

        public bool? FollowingYear { get; set; }

        public int? Count { get; set; }

        public DayCount DayCount { get; set; }

        public DaysCountedFrom? CountedFrom { get; set; }

        public TimeOnly? Time { get; set; }

        public bool HasTime { get; set; }

        public bool HasDeadline => Day is not null || Count is not null;

        public bool IsEmpty => Frequency is null && Implied is null && Boundary is null && !HasDeadline && !HasTime;

        public void Imply(Phrase phrase, int at)
        {
            if (phrase.Implies is { } frequency)
            {
                (Implied, ImpliedAt) = (frequency, at);
            }
        }

        public void ShareDeadline(Draft other)
        {
            (Boundary, Day, Month, Year, DayAt, MonthsAfter, FollowingYear) = (other.Boundary, other.Day, other.Month, other.Year, other.DayAt, other.MonthsAfter, other.FollowingYear);
            (Count, DayCount, CountEnd, CountedFrom, Time, HasTime) = (other.Count, other.DayCount, other.CountEnd, other.CountedFrom, other.Time, other.HasTime);
        }
    }
}
