using Dti.Domain.Frameworks;
using Dti.Domain.Plans;

namespace Dti.Domain.Tests.Plans;

/// <summary>A small framework governing 2021–2023 with the QĐ 922 main-index points and two illustrative components (one coded with a letter).</summary>
internal static class TestFramework
{
    public static Framework Qd922Like { get; } = Framework.Create(
        new FrameworkSpec(
            "TEST-922",
            "922/QĐ-BTTTT",
            "Bộ Thông tin và Truyền thông",
            new DateOnly(2022, 5, 20),
            2021,
            2023,
            "Bộ chỉ số",
            null,
            [],
            [
                new MainIndexSpec("1", 1, "Nhận thức số", null, 100m, true, IndexGroup.Foundation, null),
                new MainIndexSpec("6", 6, "Đô thị thông minh", null, 0m, false, IndexGroup.Foundation, null),
                new MainIndexSpec("7", 7, "Hoạt động chính quyền số", null, 200m, true, IndexGroup.Activity, null),
            ],
            [
                new ComponentIndexSpec("7.1", "7", 1, "Thành phần minh họa", null, 20m, MeasureType.Percentage, null, false, null, true),
                new ComponentIndexSpec("7.B", "7", 2, "Thành phần có mã chữ", null, null, MeasureType.Percentage, null, false, null, true),
            ]),
        DateTimeOffset.UnixEpoch);

    public static PlanSpec Plan(PlanKind kind = PlanKind.Plan, DateOnly? periodStart = null, DateOnly? periodEnd = null, int? targetRank = null, params SolutionGroupSpec[] groups) => new(
        kind, "170/KH-UBND", Guid.CreateVersion7(), new DateOnly(2023, 8, 11), "Nâng cao chỉ số DTI", null, periodStart, periodEnd, 2023, 2023, null, targetRank, "khá", [], groups, null, false);
}
