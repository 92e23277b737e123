namespace Dti.Domain.Deadlines;

/// <summary>What a phrase of deadline wording contributes to a rule.</summary>
internal enum WordKind
{
    Frequency,
    Boundary,

    /// <summary>Words that carry no meaning for the rule ("báo cáo", "định kỳ", "the"); a value of 1 means a day follows.</summary>
    Filler,

    /// <summary>"đột xuất": ad hoc reports are also required (no period, so no rule).</summary>
    AdHoc,

    /// <summary>"và", "and": between two rules of one sentence.</summary>
    And,

    /// <summary>"gửi", "nộp": the words up to the next deadline word name the recipient and are skipped.</summary>
    Recipient,

    /// <summary>The period's last month ("tháng cuối quý"); may imply the frequency.</summary>
    LastMonthOf,

    /// <summary>A month after the period's last month ("tháng sau", "tháng đầu quý sau"); the value is how many.</summary>
    MonthsAfter,
    FollowingYear,
    SameYear,
    WorkingUnit,
    CalendarUnit,
    CountedFrom,
    Adjustment,
    Cutoff,
    LegalBasis,
    Hour,
    Minute,
    AfterNoon,
}

/// <summary>A phrase the reader knows: as written (for "did you mean"), as matched (folded tokens), and its meaning.</summary>
internal sealed record Phrase(string Text, string[] Tokens, WordKind Kind, int Value, ReportingFrequency? Implies);

/// <summary>
/// Every phrase the deadline reader understands, in Vietnamese (with diacritics; the reader also accepts them
/// without) and English. Matching takes the longest phrase at each place, so "6 tháng đầu năm" wins over "6 tháng".
/// </summary>
internal static class DeadlineTextLexicon
{
    public static readonly IReadOnlyList<Phrase> Phrases = Build();

    /// <summary>English month names and their usual abbreviations, folded.</summary>
    public static readonly IReadOnlyDictionary<string, int> MonthNames = new Dictionary<string, int>
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8,
        ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    /// <summary>Phrases indexed by their first folded token.</summary>
    public static readonly IReadOnlyDictionary<string, Phrase[]> ByFirstToken = Phrases
        .GroupBy(p => p.Tokens[0], StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Tokens.Length).ToArray(), StringComparer.Ordinal);

    private static List<Phrase> Build()
    {
        var phrases = new List<Phrase>();
        void Add(WordKind kind, int value, ReportingFrequency? implies, params string[] texts)
        {
            foreach (var text in texts)
            {
                phrases.Add(new Phrase(text, DeadlineTextTokens.Split(text).Select(t => t.Text).ToArray(), kind, value, implies));
            }
        }

        void Frequency(ReportingFrequency frequency, params string[] texts) => Add(WordKind.Frequency, (int)frequency, null, texts);
        void Boundary(DeadlineBoundary boundary, params string[] texts) => Add(WordKind.Boundary, (int)boundary, null, texts);

        Frequency(
            ReportingFrequency.Monthly,
            "monthly", "every month", "each month", "hằng tháng", "hàng tháng", "mỗi tháng", "báo cáo tháng", "định kỳ hằng tháng", "định kỳ hàng tháng");
        Frequency(
            ReportingFrequency.Quarterly,
            "quarterly", "every quarter", "each quarter", "hằng quý", "hàng quý", "mỗi quý", "báo cáo quý", "định kỳ quý");
        Frequency(
            ReportingFrequency.HalfYearly,
            "half-yearly", "half yearly", "semi-annually", "semiannually", "semi-annual", "every six months", "every 6 months", "six-monthly",
            "định kỳ 6 tháng", "định kỳ sáu tháng", "6 tháng một lần", "hằng nửa năm", "6 tháng", "sáu tháng", "báo cáo 6 tháng",
            "6 tháng đầu năm", "sáu tháng đầu năm", "báo cáo 6 tháng đầu năm", "bán niên", "hằng 6 tháng", "hàng 6 tháng", "nửa năm");
        Frequency(
            ReportingFrequency.NineMonthly,
            "nine-monthly", "nine monthly", "every nine months", "for the first nine months", "nine months", "9 months",
            "định kỳ 9 tháng", "định kỳ chín tháng", "9 tháng", "chín tháng", "9 tháng đầu năm", "chín tháng đầu năm", "báo cáo 9 tháng", "báo cáo 9 tháng đầu năm");
        Frequency(
            ReportingFrequency.Annual,
            "annually", "yearly", "every year", "each year", "annual", "hằng năm", "hàng năm", "mỗi năm", "báo cáo năm", "định kỳ hằng năm", "định kỳ hàng năm");
        Frequency(ReportingFrequency.OneOff, "once", "one-off", "một lần");

        Boundary(
            DeadlineBoundary.Before,
            "before", "prior to", "trước ngày", "trước", "trước khi hết");
        Boundary(
            DeadlineBoundary.NoLaterThan,
            "no later than", "not later than", "on or before", "by", "by no later than", "within", "until", "due by",
            "chậm nhất ngày", "chậm nhất vào ngày", "chậm nhất là ngày", "chậm nhất", "chậm nhất là", "chậm nhất vào",
            "không muộn hơn ngày", "không muộn hơn", "không chậm hơn ngày", "không chậm hơn", "không quá ngày", "hạn chót", "hạn cuối",
            "trong vòng", "trong thời hạn", "trong", "đến hết ngày");

        Add(WordKind.Filler, 1, null, "ngày", "the", "day", "vào ngày", "on the", "on", "là ngày");
        Add(
            WordKind.Filler,
            0,
            null,
            "báo cáo", "định kỳ", "báo cáo định kỳ", "chế độ báo cáo", "thời hạn", "thời hạn báo cáo", "thời hạn gửi báo cáo", "hạn", "hạn nộp",
            "vào", "là", "lúc", "vào lúc", "at", "of", "của", "a", "an", "report", "reports", "reporting", "periodic", "periodically",
            "due", "is due", "are due", "submit", "submitted", "send", "sent", "kết quả", "tình hình", "thực hiện", "tổng hợp", "kỳ",
            "kỳ báo cáo", "số liệu", "data", "bằng văn bản", "in writing");
        Add(WordKind.AdHoc, 1, null, "đột xuất", "ad hoc", "ad-hoc", "when requested", "khi có yêu cầu", "theo yêu cầu");
        Add(WordKind.And, 0, null, "và", "and", "cùng", "đồng thời");
        Add(
            WordKind.Recipient,
            0,
            null,
            "gửi", "gửi về", "gửi đến", "gửi cho", "nộp", "nộp về", "nộp cho", "báo cáo về", "to", "send to", "sent to", "submit to",
            "submitted to", "report to");

        Add(WordKind.LastMonthOf, 0, ReportingFrequency.Quarterly, "of the last month of the quarter", "của tháng cuối quý", "tháng cuối quý", "tháng cuối của quý", "of the quarter's last month");
        Add(WordKind.LastMonthOf, 0, ReportingFrequency.HalfYearly, "of the last month of the half-year", "of the last month of the half year");
        Add(WordKind.LastMonthOf, 0, ReportingFrequency.NineMonthly, "of the last month of the nine months");
        Add(WordKind.LastMonthOf, 0, ReportingFrequency.Annual, "of the last month of the year", "của tháng cuối năm", "tháng cuối năm");
        Add(
            WordKind.LastMonthOf,
            0,
            null,
            "of the last month of the period", "of the last month", "of the month", "của tháng cuối kỳ", "tháng cuối kỳ", "của tháng", "trong tháng");
        Add(WordKind.LastMonthOf, 0, ReportingFrequency.Monthly, "of each month", "of every month", "hằng tháng", "hàng tháng", "mỗi tháng");

        Add(WordKind.MonthsAfter, 1, null, "of the following month", "of the next month", "the following month", "next month", "của tháng sau", "tháng sau", "của tháng tiếp theo", "tháng tiếp theo", "tháng kế tiếp", "đầu tháng sau");
        Add(WordKind.MonthsAfter, 1, ReportingFrequency.Quarterly, "of the first month of the following quarter", "of the first month of the next quarter", "của tháng đầu quý sau", "tháng đầu quý sau", "tháng đầu của quý sau", "tháng đầu tiên của quý sau", "quý sau", "đầu quý sau");
        Add(WordKind.MonthsAfter, 1, ReportingFrequency.HalfYearly, "of the first month of the following half-year", "tháng đầu kỳ sau");
        Add(WordKind.MonthsAfter, 2, null, "of the second month after the period", "của tháng thứ hai sau kỳ", "tháng thứ hai sau kỳ", "của tháng thứ 2 sau kỳ");
        Add(WordKind.MonthsAfter, 2, ReportingFrequency.Quarterly, "of the second month of the following quarter", "tháng thứ hai của quý sau", "của tháng thứ hai quý sau");
        Add(WordKind.MonthsAfter, 3, null, "of the third month after the period", "của tháng thứ ba sau kỳ", "tháng thứ ba sau kỳ", "của tháng thứ 3 sau kỳ");

        Add(
            WordKind.FollowingYear,
            0,
            null,
            "of the following year", "of the next year", "the following year", "next year", "in the following year",
            "năm sau", "của năm sau", "năm tiếp theo", "của năm tiếp theo", "năm kế tiếp", "của năm kế tiếp", "năm liền sau");
        Add(WordKind.SameYear, 0, null, "of the same year", "of that year", "in the same year", "cùng năm", "của năm đó", "năm đó", "trong năm");

        Add(WordKind.WorkingUnit, 0, null, "working days", "working day", "business days", "business day", "ngày làm việc");
        Add(WordKind.CalendarUnit, 0, null, "days", "day", "calendar days", "calendar day", "ngày", "ngày dương lịch", "ngày lịch");
        Add(
            WordKind.CountedFrom,
            (int)DaysCountedFrom.Cutoff,
            null,
            "after the cut-off date", "after the cut-off", "after the data cut-off", "after cut-off", "after the cutoff",
            "sau ngày chốt số liệu", "sau ngày chốt", "kể từ ngày chốt số liệu", "sau khi chốt số liệu", "kể từ ngày chốt");
        Add(
            WordKind.CountedFrom,
            (int)DaysCountedFrom.PeriodEnd,
            null,
            "after the end of the period", "after the period ends", "after the end of the reporting period", "of the end of the period",
            "kể từ ngày kết thúc kỳ báo cáo", "sau khi kết thúc kỳ báo cáo", "sau ngày kết thúc kỳ báo cáo", "kể từ khi kết thúc kỳ báo cáo",
            "sau khi kết thúc kỳ", "kể từ ngày kết thúc kỳ", "sau ngày kết thúc kỳ");
        Add(
            WordKind.CountedFrom,
            (int)DaysCountedFrom.PeriodEnd,
            ReportingFrequency.Monthly,
            "after the end of each month", "after the end of the month", "after the end of every month", "after month end", "after month-end",
            "of the end of the month", "sau khi kết thúc tháng", "kể từ ngày kết thúc tháng", "sau ngày kết thúc tháng", "kể từ khi kết thúc tháng");
        Add(
            WordKind.CountedFrom,
            (int)DaysCountedFrom.PeriodEnd,
            ReportingFrequency.Quarterly,
            "after the end of each quarter", "after the end of the quarter", "after quarter end", "of the end of the quarter",
            "sau khi kết thúc quý", "kể từ ngày kết thúc quý", "sau ngày kết thúc quý", "kể từ khi kết thúc quý");
        Add(
            WordKind.CountedFrom,
            (int)DaysCountedFrom.PeriodEnd,
            ReportingFrequency.Annual,
            "after the end of each year", "after the end of the year", "after year end", "sau khi kết thúc năm", "kể từ ngày kết thúc năm", "sau ngày kết thúc năm");

        void Adjustment(HolidayAdjustment adjustment, params string[] texts) => Add(WordKind.Adjustment, (int)adjustment, null, texts);
        Adjustment(
            HolidayAdjustment.NextWorkingDay,
            "moved to the next working day when it falls on a day off", "moved to the next working day if it falls on a day off",
            "next working day if a day off", "nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo",
            "nếu trùng ngày nghỉ thì lùi sang ngày làm việc tiếp theo", "nếu trùng ngày nghỉ thì chuyển sang ngày làm việc kế tiếp");
        Adjustment(
            HolidayAdjustment.PreviousWorkingDay,
            "moved to the previous working day when it falls on a day off", "moved to the previous working day if it falls on a day off",
            "previous working day if a day off", "nếu trùng ngày nghỉ thì chuyển về ngày làm việc liền trước",
            "nếu trùng ngày nghỉ thì đưa lên ngày làm việc liền trước");
        Adjustment(
            HolidayAdjustment.None,
            "not moved when it falls on a day off", "not moved if it falls on a day off", "even on a day off",
            "không chuyển khi trùng ngày nghỉ", "kể cả khi trùng ngày nghỉ");

        void Cutoff(CutoffConvention cutoff, params string[] texts) => Add(WordKind.Cutoff, (int)cutoff, null, texts);
        Cutoff(
            CutoffConvention.Decree09,
            "data cut-off per decree 09/2019", "data cut-off per decree 09/2019/nđ-cp", "cut-off per decree 09/2019",
            "chốt số liệu theo nghị định 09/2019", "chốt số liệu theo nghị định 09/2019/nđ-cp");
        Cutoff(
            CutoffConvention.CalendarPeriod,
            "data by calendar period", "calendar-period data", "số liệu theo kỳ dương lịch", "số liệu theo kỳ lịch", "theo năm dương lịch",
            "số liệu tính đến hết ngày cuối kỳ");

        Add(WordKind.LegalBasis, 0, null, "legal basis", "căn cứ", "theo văn bản");
        Add(WordKind.Hour, 0, null, "giờ", "h", "g", "hours", "o'clock");
        Add(WordKind.Minute, 0, null, "phút", "minutes", "min");
        Add(WordKind.AfterNoon, 12, null, "pm", "chiều");
        Add(WordKind.AfterNoon, 0, null, "am", "sáng");
        return phrases;
    }
}
