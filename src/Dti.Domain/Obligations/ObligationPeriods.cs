using Dti.Domain.Deadlines;

namespace Dti.Domain.Obligations;

/// <summary>Which of a rule's periods a plan obliges its lead agencies to report on.</summary>
public static class ObligationPeriods
{
    /// <summary>
    /// A period is owed when it overlaps the plan's assessment years (1/1 of the first to 31/12 of the last) and
    /// does not end before the plan was issued: a plan issued in August 2023 asks for Q3/2023 onwards, not Q1.
    /// </summary>
    public static bool AppliesTo(ReportingPeriod period, DateOnly issueDate, int firstAssessmentYear, int lastAssessmentYear)
    {
        ArgumentNullException.ThrowIfNull(period);
        var assessedFrom = new DateOnly(firstAssessmentYear, 1, 1);
        var assessedTo = new DateOnly(lastAssessmentYear, 12, 31);
        return period.Start <= assessedTo && period.End >= assessedFrom && period.End >= issueDate;
    }
}
