using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Queries;
using Dti.Application.Frameworks;
using Dti.Application.Obligations;
using Dti.Domain.Calendar;
using Dti.Domain.Deadlines;
using Dti.Domain.Reports;
using Mapster;

namespace Dti.Application.Reports;

/// <summary>What a report may hold and by when it is due: the indices its agency answers for, and its deadline.</summary>
/// <param name="Answerable">The indices the report may answer, keyed case-insensitively.</param>
/// <param name="Deadline">The deadline its submissions are judged against.</param>
public sealed record ReportTerms(IReadOnlyDictionary<string, AnswerableIndex> Answerable, ReportDeadline Deadline);

/// <summary>
/// The terms of a periodic report, from the one obligation lookup <c>/obligations</c> uses. Public because the sample data
/// plays its periodic reports against the same lookup as <c>POST /reports/{id}/submit</c>.
/// </summary>
public static class PeriodicReportTerms
{
    /// <summary>
    /// The terms of the report <paramref name="agencyId"/> owes as lead under <paramref name="planId"/>'s rule
    /// <paramref name="deadlineRuleId"/> for <paramref name="period"/>: the indices it leads under the plan and the
    /// obligation's last allowed instant (the rule's time of day, or 24:00). Null when there is no such obligation (the plan
    /// not issued or not reporting by the rule, the period not asked for, the agency leading nothing). The framework is
    /// checked against <paramref name="stamps"/> when the caller read them with the calendar's.
    /// </summary>
    public static async Task<ReportTerms?> PeriodicTermsAsync(
        this IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendar calendar, GoverningFrameworkSource frameworks, Guid agencyId, Guid planId, Guid deadlineRuleId, ReportingPeriod period, CancellationToken cancellationToken, ReferenceStamps? stamps = null)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(frameworks);
        var obligation = await ObligationSchedule.FindLeadAsync(db, config, calendar, agencyId, planId, deadlineRuleId, period, cancellationToken);
        if (obligation is null)
        {
            return null;
        }

        var framework = await frameworks.GetAsync(db, period.Year, "assessmentYear", cancellationToken, stamps);
        return new ReportTerms(AnswerableIndex.Of(framework, obligation.IndexCodes), ReportDeadline.At(obligation.LastAllowedInstant));
    }
}
