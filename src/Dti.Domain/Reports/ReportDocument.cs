using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;

namespace Dti.Domain.Reports;

/// <summary>
/// A report's content frozen at a submission, in one canonical JSON form: properties in declaration order, camelCase,
/// no white space, entries in index-code order, evidence ids in the author's order, decimals at their kind's scale.
/// The same content always gives the same bytes, so its SHA-256 proves a version unchanged.
/// </summary>
public sealed record ReportDocument(
    ReportKind Kind,
    Guid AgencyId,
    int AssessmentYear,
    Guid? PlanId,
    Guid? DeadlineRuleId,
    string? PeriodId,
    Guid? ReportRequestId,
    int Revision,
    IReadOnlyList<ReportEntrySpec> Entries,
    string? Results,
    string? Difficulties,
    string? Proposals,
    IReadOnlyList<TaskStateSpec> Tasks)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ReportDocument FromJson(string json) =>
        JsonSerializer.Deserialize<ReportDocument>(json, Json) ?? throw new InvalidOperationException("A report version holds no content.");

    /// <summary>SHA-256 of the UTF-8 bytes of <paramref name="json"/>, as lower-case hex.</summary>
    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>
    /// What changed from <paramref name="from"/> to this document: per index (added, removed, or each field that differs)
    /// and per section, in index-code order then section order. Values are rendered as text (invariant culture).
    /// </summary>
    public IReadOnlyList<ReportChange> ChangesSince(ReportDocument from)
    {
        ArgumentNullException.ThrowIfNull(from);
        var before = from.Entries.ToDictionary(e => e.IndexCode, StringComparer.OrdinalIgnoreCase);
        var after = Entries.ToDictionary(e => e.IndexCode, StringComparer.OrdinalIgnoreCase);
        var changes = new List<ReportChange>();
        foreach (var code in before.Keys.Union(after.Keys, StringComparer.OrdinalIgnoreCase).Order(IndexCodeOrder.Instance))
        {
            var old = before.GetValueOrDefault(code);
            var now = after.GetValueOrDefault(code);
            foreach (var (field, a, b) in Fields(old, now))
            {
                if (!string.Equals(a, b, StringComparison.Ordinal))
                {
                    changes.Add(new ReportChange(code, null, field, a, b));
                }
            }
        }

        foreach (var (section, a, b) in new[]
        {
            (ReportSection.Results, from.Results, Results),
            (ReportSection.Difficulties, from.Difficulties, Difficulties),
            (ReportSection.Proposals, from.Proposals, Proposals),
        })
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                changes.Add(new ReportChange(null, section, null, a, b));
            }
        }

        return changes;
    }

    internal static ReportDocument Of(Report report) => new(
        report.Kind,
        report.AgencyId,
        report.AssessmentYear,
        report.PlanId,
        report.DeadlineRuleId,
        report.PeriodId,
        report.ReportRequestId,
        report.Revision,
        [.. report.Entries.OrderBy(e => e.IndexCode, IndexCodeOrder.Instance).Select(e => e.ToSpec())],
        report.Results,
        report.Difficulties,
        report.Proposals,
        [.. report.Tasks.OrderBy(t => t.DueDate ?? DateOnly.MaxValue).ThenBy(t => t.Title, StringComparer.Ordinal).ThenBy(t => t.TaskId)]);

    /// <summary>The compared fields of an entry, by their JSON names, as text; a missing entry has none of them.</summary>
    private static IEnumerable<(string Field, string? From, string? To)> Fields(ReportEntrySpec? from, ReportEntrySpec? to)
    {
        yield return ("numericValue", Number(from?.NumericValue), Number(to?.NumericValue));
        yield return ("yesNoValue", YesNo(from?.YesNoValue), YesNo(to?.YesNoValue));
        yield return ("textValue", from?.TextValue, to?.TextValue);
        yield return ("score", Number(from?.Score), Number(to?.Score));
        yield return ("note", from?.Note, to?.Note);
        yield return ("asOf", Date(from?.AsOf), Date(to?.AsOf));
        yield return ("evidenceIds", Ids(from?.EvidenceIds), Ids(to?.EvidenceIds));
        yield return ("explanation", from?.Explanation, to?.Explanation);
        yield return ("sources", Sources(from?.Sources), Sources(to?.Sources));
    }

    private static string? Sources(IReadOnlyList<ContributionSource>? sources) =>
        sources is null || sources.Count == 0 ? null : string.Join(", ", sources.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.ReportId} v{s.Version}")));

    private static string? Number(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? YesNo(bool? value) => value switch { true => "yes", false => "no", _ => null };

    private static string? Date(DateOnly? value) => value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Ids(IReadOnlyList<Guid>? ids) => ids is null || ids.Count == 0 ? null : string.Join(", ", ids);
}

/// <summary>
/// One difference between two versions: a field of an index entry (<see cref="IndexCode"/> and <see cref="Field"/>),
/// or a section. <see cref="From"/> is null where the older version had nothing, <see cref="To"/> where the newer has nothing.
/// </summary>
public sealed record ReportChange(string? IndexCode, ReportSection? Section, string? Field, string? From, string? To);

/// <summary>How late a submission was.</summary>
public static class ReportTimelinessRule
{
    /// <summary>
    /// On time when <paramref name="submittedAt"/> is no later than <paramref name="deadline"/>'s last allowed instant (the
    /// rule's time of day, or 24:00). Otherwise late by the working days from the last allowed day (exclusive) to the day
    /// the report counts as received (inclusive): the submission day in Asia/Ho_Chi_Minh when it is a working day, else the
    /// next working day — offices receive nothing on a day off, so a report sent on Saturday after a Friday deadline is one
    /// working day late, and one sent after the rule's hour on the last allowed day itself is late by 0 working days.
    /// </summary>
    public static (ReportTimeliness Timeliness, int WorkingDaysLate) Judge(DateTimeOffset submittedAt, ReportDeadline deadline, Calendar.WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        ArgumentNullException.ThrowIfNull(calendar);
        if (submittedAt <= deadline.LastAllowedInstant)
        {
            return (ReportTimeliness.OnTime, 0);
        }

        var lastDay = deadline.LastAllowedDay;
        var day = DateOnly.FromDateTime(submittedAt.ToOffset(VietnamClock.Offset).DateTime);
        var received = calendar.IsWorkingDay(day) ? day : calendar.NextWorkingDay(day);
        var late = 0;
        for (var d = lastDay; d < received; d = d.AddDays(1))
        {
            if (calendar.IsWorkingDay(d.AddDays(1)))
            {
                late++;
            }
        }

        return (ReportTimeliness.Late, late);
    }
}
