using System.Globalization;
using System.Text;
using Dti.Domain.Common;

namespace Dti.Domain.Deadlines;

/// <summary>What a sentence of deadline wording says: its rules, and whether ad hoc reports are also asked for.</summary>
/// <param name="Rules">The periodic rules, in the order the sentence names them.</param>
/// <param name="AdHocReportsAlsoRequired">The sentence also asks for ad hoc reports ("đột xuất"), which have no period and so no rule.</param>
public sealed record DeadlineText(IReadOnlyList<DeadlineRule> Rules, bool AdHocReportsAlsoRequired);

/// <summary>
/// Reads and writes deadline rules as Vietnamese or English sentences, e.g.
/// "hàng quý (trước ngày 25 tháng cuối quý) và hàng năm (trước ngày 20/12)",
/// "trước ngày 15/01 hằng năm", "within 3 working days after the end of each month", "trước 16 giờ ngày 15/12".
/// </summary>
/// <remarks>
/// <para>The reader (<see cref="DeadlineTextReader"/>) takes words in any order a document writes them: leading
/// words ("báo cáo", "định kỳ", "gửi … "), the frequency, the boundary, the day or date, the time, and optional
/// clauses (holiday adjustment, cut-off convention, legal basis last). Case, NFC/NFD, diacritics, brackets and
/// punctuation do not matter. Clauses left out default to Civil Code Art. 148 (next working day) and the
/// Decree 09/2019 cut-off.</para>
/// <para><see cref="Format"/> writes one canonical sentence per language, and it parses back to an equal rule.</para>
/// </remarks>
public static class DeadlineRuleText
{
    /// <summary>Reads every rule a sentence holds.</summary>
    /// <param name="text">The sentence.</param>
    /// <param name="name">
    /// The rules' name; defaults to the text itself (trimmed, NFC, cut to <see cref="DeadlineRule.MaxNameLength"/>).
    /// When the sentence holds several rules, each name is followed by the rule's own Vietnamese wording.
    /// </param>
    /// <exception cref="DomainException">
    /// Rule <c>deadline-rule.text-not-understood</c>, field <c>text</c>, quoting the word not understood, its position
    /// (counted in the NFC form of the text) and the nearest phrases the reader knows; or a rule of <see cref="DeadlineRule.Create"/>.
    /// </exception>
    public static DeadlineText Read(string text, string? name = null)
    {
        var original = Nfc.Of(text ?? string.Empty).Trim();
        var baseName = name ?? original[..Math.Min(original.Length, DeadlineRule.MaxNameLength)];
        var (rules, adHoc) = new DeadlineTextReader(original).Read(string.IsNullOrWhiteSpace(baseName) ? "-" : baseName);
        if (rules.Count > 1)
        {
            rules = rules.Select(r => r.Named(SeveralName(name, r))).ToList();
        }

        return new DeadlineText(rules, adHoc);
    }

    /// <summary>Reads a sentence that holds exactly one rule.</summary>
    /// <exception cref="DomainException">
    /// As <see cref="Read"/>; also <c>deadline-rule.several-rules</c> when the sentence holds more than one rule, and
    /// <c>deadline-rule.no-periodic-rule</c> when it only asks for ad hoc reports.
    /// </exception>
    public static DeadlineRule Parse(string text, string? name = null)
    {
        var read = Read(text, name);
        return read.Rules.Count switch
        {
            1 => read.Rules[0],
            0 => throw new DomainException(
                "deadline-rule.no-periodic-rule",
                "The text only asks for ad hoc reports ('đột xuất'), which have no period and so no deadline rule.",
                "text"),
            _ => throw new DomainException(
                "deadline-rule.several-rules",
                $"The text holds {read.Rules.Count} rules: {string.Join("; ", read.Rules.Select(r => $"'{Head(r, "vi")}'"))}. Create each rule with its own text (reading the text without storing it lists them).",
                "text"),
        };
    }

    /// <summary>
    /// True when an annual day and month written without a year ("trước ngày 15/01 hằng năm", Letter 2351) fall in
    /// the year after the period: a date on or before 14/12, the Decree 09 annual cut-off, would come before the data
    /// it asks for. Later December dates ("trước ngày 20/12", Plan 170) stay in the period's year, whatever the cut-off,
    /// so that the reading never depends on a clause further on.
    /// </summary>
    public static bool ImpliesFollowingYear(int day, int month) => month < 12 || day <= 14;

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

    private static string SeveralName(string? name, DeadlineRule rule)
    {
        var head = Head(rule, "vi");
        var full = name is null ? head : $"{name} – {head}";
        return full[..Math.Min(full.Length, DeadlineRule.MaxNameLength)];
    }

    /// <summary>The frequency, boundary, due day and time, without the clauses.</summary>
    private static string Head(DeadlineRule rule, string language)
    {
        var text = language == "en" ? FormatEnglish(rule) : FormatVietnamese(rule);
        return text[..text.IndexOf(';', StringComparison.Ordinal)];
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
            DueAnchor.DayOfMonthAfter d => Invariant($" {(before ? "before" : "no later than")} the {d.Day}{Ordinal(d.Day)} {EnglishMonthsAfter[d.MonthsAfter - 1]}"),
            DueAnchor.DaysAfter d => Invariant($" {(before ? "before" : "within")} {d.Days} {(d.DayCount == DayCount.WorkingDays ? "working" : "calendar")} day{(d.Days == 1 ? string.Empty : "s")} {(d.CountedFrom == DaysCountedFrom.Cutoff ? "after the cut-off" : "after the end of the period")}"),
            DueAnchor.FixedDate f => Invariant($" {(before ? "before" : "no later than")} {f.Day:D2}/{f.Month:D2}{YearWords(f, " of the following year", " of the same year")}"),
            DueAnchor.ExplicitDate e => $" {(before ? "before" : "no later than")} {e.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}",
            _ => throw new InvalidOperationException($"Unknown anchor {rule.Due}."),
        });
        if (rule.TimeOfDay is { } time)
        {
            text.Append(CultureInfo.InvariantCulture, $" at {time:HH:mm}");
        }

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
            DueAnchor.DayOfMonthAfter d => Invariant($" {onDay} {d.Day} {VietnameseMonthsAfter[d.MonthsAfter - 1]}"),
            DueAnchor.DaysAfter d => Invariant($" {(before ? "trước khi hết" : "trong vòng")} {d.Days} {(d.DayCount == DayCount.WorkingDays ? "ngày làm việc" : "ngày")} {(d.CountedFrom == DaysCountedFrom.Cutoff ? "sau ngày chốt số liệu" : "kể từ ngày kết thúc kỳ báo cáo")}"),
            DueAnchor.FixedDate f => Invariant($" {onDay} {f.Day:D2}/{f.Month:D2}{YearWords(f, " năm sau", " cùng năm")}"),
            DueAnchor.ExplicitDate e => $" {onDay} {e.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}",
            _ => throw new InvalidOperationException($"Unknown anchor {rule.Due}."),
        });
        if (rule.TimeOfDay is { } time)
        {
            text.Append(CultureInfo.InvariantCulture, $" lúc {time.Hour} giờ {time.Minute:D2}");
        }

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

    private static readonly string[] EnglishMonthsAfter = ["of the following month", "of the second month after the period", "of the third month after the period"];

    private static readonly string[] VietnameseMonthsAfter = ["của tháng sau", "của tháng thứ hai sau kỳ", "của tháng thứ ba sau kỳ"];

    /// <summary>The year is written only when the reader would not infer it (see <see cref="ImpliesFollowingYear"/>).</summary>
    private static string YearWords(DueAnchor.FixedDate date, string following, string same)
    {
        if (date.FollowingYear)
        {
            return following;
        }

        return ImpliesFollowingYear(date.Day, date.Month) ? same : string.Empty;
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
}
