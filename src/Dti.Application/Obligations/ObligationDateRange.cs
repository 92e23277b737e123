using Dti.Application.Deadlines.Queries;

namespace Dti.Application.Obligations;

/// <summary>The last allowed days an obligation query covers, once its defaults are filled in.</summary>
internal sealed record ObligationDateRange(DateOnly From, DateOnly To) : IDeadlineRange
{
    /// <summary>
    /// The range asked for, where a missing end falls in the assessment year (a calendar year) of the other end, or of
    /// <paramref name="today"/> (in Vietnam) when neither is given: no dates at all means this year's obligations.
    /// </summary>
    public static ObligationDateRange WithinAssessmentYear(DateOnly? from, DateOnly? to, DateOnly today) =>
        new(from ?? new DateOnly((to ?? today).Year, 1, 1), to ?? new DateOnly((from ?? today).Year, 12, 31));
}
