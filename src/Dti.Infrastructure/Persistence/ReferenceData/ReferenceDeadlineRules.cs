using Dti.Domain.Deadlines;

namespace Dti.Infrastructure.Persistence.ReferenceData;

/// <summary>Deadline rules of the provinces' DTI plans, shipped as data under stable names.</summary>
public static class ReferenceDeadlineRules
{
    public const string QuangTriQuarterlyName = "Quảng Trị 170/KH-UBND — báo cáo chuyển đổi số hằng quý";
    public const string QuangTriAnnualName = "Quảng Trị 170/KH-UBND — báo cáo chuyển đổi số hằng năm";
    public const string QuangBinhSelfAssessmentName = "Quảng Bình 2351/UBND-KSTT — gửi hồ sơ tự đánh giá DTI về Bộ";

    private static readonly LegalBasis QuangTriPlan170 = new("170/KH-UBND", new DateOnly(2023, 8, 11));
    private static readonly LegalBasis QuangBinh2351 = new("2351/UBND-KSTT", new DateOnly(2023, 11, 16));

    /// <summary>
    /// Quảng Trị Plan 170/KH-UBND (11/8/2023): quarterly reports before the 25th of the quarter's last month and
    /// the annual report before 20/12, on Decree 09 data windows. Quảng Bình 2351/UBND-KSTT (16/11/2023): the DTI
    /// self-assessment for a year goes to the ministry before 15/01 of the following year; it covers the calendar year.
    /// </summary>
    public static IReadOnlyList<DeadlineRule> All { get; } =
    [
        DeadlineRule.Create(QuangTriQuarterlyName, ReportingFrequency.Quarterly, new DueAnchor.DayOfLastMonth(25), DeadlineBoundary.Before, legalBasis: QuangTriPlan170),
        DeadlineRule.Create(QuangTriAnnualName, ReportingFrequency.Annual, new DueAnchor.FixedDate(20, 12, FollowingYear: false), DeadlineBoundary.Before, legalBasis: QuangTriPlan170),
        DeadlineRule.Create(
            QuangBinhSelfAssessmentName,
            ReportingFrequency.Annual,
            new DueAnchor.FixedDate(15, 1, FollowingYear: true),
            DeadlineBoundary.Before,
            CutoffConvention.CalendarPeriod,
            legalBasis: QuangBinh2351),
    ];
}
