using System.Text.Json.Serialization;
using Dti.Domain.Frameworks;

namespace Dti.Domain.Reports;

/// <summary>What an agency reports on one index. The value goes in the field its measure type asks for (see <see cref="AnswerableIndex"/>).</summary>
/// <param name="IndexCode">The main or component index, e.g. <c>7.3</c>.</param>
/// <param name="NumericValue">Percentage, count or score measures (a main index is measured as a score).</param>
/// <param name="YesNoValue">Yes/no measures.</param>
/// <param name="TextValue">Text measures.</param>
/// <param name="Score">The self-assessed points (tự đánh giá), not above the index's maximum.</param>
/// <param name="Note">Anything the reviewer should know.</param>
/// <param name="AsOf">The day the data is as of.</param>
/// <param name="EvidenceIds">Evidence documents (tài liệu kiểm chứng) backing the value and score.</param>
/// <param name="Explanation">Why there is no evidence where the framework requires it.</param>
/// <param name="Sources">
/// The contributions the value was taken from (provenance); null when none, so documents frozen before contributions
/// existed keep their bytes and hashes.
/// </param>
public sealed record ReportEntrySpec(
    string IndexCode,
    decimal? NumericValue,
    bool? YesNoValue,
    string? TextValue,
    decimal? Score,
    string? Note,
    DateOnly? AsOf,
    IReadOnlyList<Guid> EvidenceIds,
    string? Explanation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ContributionSource>? Sources = null);

/// <summary>A contribution a value was taken from: the contributing agency's report and the version read.</summary>
/// <param name="ReportId">The contribution report.</param>
/// <param name="Version">The version of it the value was taken from.</param>
/// <param name="AgencyId">The contributing (cooperating) agency.</param>
public sealed record ContributionSource(Guid ReportId, int Version, Guid AgencyId);

/// <summary>
/// What a lead agency may cite in an entry: a submitted version (awaiting review or accepted) of a contribution made to it, and an index that version
/// answers.
/// </summary>
public sealed record ContributionOffer(Guid ReportId, int Version, Guid AgencyId, string IndexCode);

/// <summary>The whole content of a report, as a PUT replaces it.</summary>
public sealed record ReportContentSpec(IReadOnlyList<ReportEntrySpec> Entries, string? Results, string? Difficulties, string? Proposals);

/// <summary>
/// An index the reporting agency answers for in the report's assessment year, with what the framework says about it:
/// how it is measured, its maximum points and whether its score needs evidence.
/// </summary>
public sealed record AnswerableIndex(string Code, MeasureType MeasureType, decimal? MaxPoints, bool EvidenceRequired)
{
    /// <summary>
    /// The indices among <paramref name="codes"/> that <paramref name="framework"/> defines, keyed case-insensitively.
    /// A main index is measured as a score, has its maximum points and needs no evidence of its own (its components do).
    /// </summary>
    public static IReadOnlyDictionary<string, AnswerableIndex> Of(Framework framework, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(framework);
        var result = new Dictionary<string, AnswerableIndex>(StringComparer.OrdinalIgnoreCase);
        foreach (var code in codes)
        {
            var main = framework.MainIndices.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));
            var component = framework.ComponentIndices.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
            if (main is not null)
            {
                result[main.Code] = new AnswerableIndex(main.Code, MeasureType.Score, main.MaxPoints, false);
            }
            else if (component is not null)
            {
                result[component.Code] = new AnswerableIndex(component.Code, component.MeasureType, component.MaxPoints, component.EvidenceRequired);
            }
        }

        return result;
    }

    /// <summary>The most points a score may give: the index's maximum, or the framework-wide bound where the framework gives none.</summary>
    public decimal ScoreLimit => MaxPoints ?? FrameworkLimits.MaxIndexPoints;
}

/// <summary>One of the agency's plan tasks as it stood when a report was submitted.</summary>
public sealed record TaskStateSpec(Guid TaskId, Guid PlanId, string Title, Plans.PlanTaskStatus Status, int ProgressPercent, DateOnly? DueDate, DateOnly? ProgressAsOf);

/// <summary>Who took an action: the client's id and name, as the audit trail names it.</summary>
public sealed record ReportActor(string Id, string Name);

/// <summary>
/// By when a report is on time, from the obligation or the request: the last allowed day and, when the rule names one, the
/// time of day on it (Asia/Ho_Chi_Minh); without a time the day ends at 24:00. A request's deadline is a date only.
/// </summary>
/// <param name="LastAllowedDay">The last day on time.</param>
/// <param name="TimeOfDay">The rule's time of day on that day ("trước 16 giờ" → 16:00); null for the end of the day.</param>
public sealed record ReportDeadline(DateOnly LastAllowedDay, TimeOnly? TimeOfDay = null)
{
    /// <summary>The last instant on time, as <see cref="Deadlines.DeadlineCalculator.LastAllowedInstant"/> makes it.</summary>
    public DateTimeOffset LastAllowedInstant => Deadlines.DeadlineCalculator.LastAllowedInstant(LastAllowedDay, TimeOfDay);

    /// <summary>
    /// The deadline whose last instant is <paramref name="lastAllowedInstant"/> (as an obligation shows it): its day and time in
    /// Asia/Ho_Chi_Minh, the end of the day read back as no time of day.
    /// </summary>
    public static ReportDeadline At(DateTimeOffset lastAllowedInstant)
    {
        var local = lastAllowedInstant.ToOffset(Deadlines.DeadlineCalculator.VietnamOffset).DateTime;
        var time = TimeOnly.FromDateTime(local);
        return new ReportDeadline(DateOnly.FromDateTime(local), time == TimeOnly.MaxValue ? null : time);
    }
}
