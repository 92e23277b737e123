using Dti.Domain.Agencies;
using Dti.Domain.Plans;
using Dti.Infrastructure.Persistence.ReferenceData;

namespace Dti.Infrastructure.Persistence.SampleData;

/// <summary>
/// Real plans of four provinces, from the articles in docs (seeds 000–004): Quảng Trị's Plan 170/KH-UBND, Bình Thuận's
/// 90-day campaign, Quảng Ngãi's Directive 19-CT/TU and Quảng Bình's Official Letter 2351/UBND-KSTT.
/// Only <c>000.00.00.H50</c> and <c>000.00.00.H48</c> are official identifier codes; every other agency gets an
/// illustrative <c>999.99.NN.Z99</c> code and <c>IsSample = true</c>. Assignments and facts the articles do not
/// state (document numbers, issue dates, validity dates) are marked <c>IsSample = true</c> too.
/// </summary>
internal static class SampleContent
{
    /// <summary>Quảng Trị and Quảng Ngãi were re-established on 1/7/1989.</summary>
    public static readonly DateOnly ProvincesReestablished = new(1989, 7, 1);

    /// <summary>Validity start of agencies whose founding date the sources do not give (illustrative).</summary>
    public static readonly DateOnly IllustrativeValidFrom = new(2008, 1, 1);

    public static IReadOnlyList<SampleAgency> Agencies { get; } =
    [
        new("qt", "000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", AgencyKind.ProvincialPeoplesCommittee, null, false),
        new("qt-tttt", Illustrative(1), "Sở Thông tin và Truyền thông tỉnh Quảng Trị", "Sở TT&TT Quảng Trị", AgencyKind.Department, "qt", true),
        new("qt-ca", Illustrative(2), "Công an tỉnh Quảng Trị", "Công an tỉnh Quảng Trị", AgencyKind.SectorAgency, "qt", true),
        new("qt-thue", Illustrative(3), "Cục Thuế tỉnh Quảng Trị", "Cục Thuế Quảng Trị", AgencyKind.SectorAgency, "qt", true),
        new("qt-tk", Illustrative(4), "Cục Thống kê tỉnh Quảng Trị", "Cục Thống kê Quảng Trị", AgencyKind.SectorAgency, "qt", true),
        new("qt-nhnn", Illustrative(5), "Ngân hàng Nhà nước Chi nhánh tỉnh Quảng Trị", "NHNN Chi nhánh Quảng Trị", AgencyKind.SectorAgency, "qt", true),
        new("qt-bao", Illustrative(6), "Báo Quảng Trị", "Báo Quảng Trị", AgencyKind.Press, "qt", true),
        new("qt-dai", Illustrative(7), "Đài Phát thanh - Truyền hình tỉnh Quảng Trị", "Đài PT-TH Quảng Trị", AgencyKind.Press, "qt", true),
        new("bt", Illustrative(8), "Ủy ban nhân dân tỉnh Bình Thuận", "UBND tỉnh Bình Thuận", AgencyKind.ProvincialPeoplesCommittee, null, true),
        new("bt-tttt", Illustrative(9), "Sở Thông tin và Truyền thông tỉnh Bình Thuận", "Sở TT&TT Bình Thuận", AgencyKind.Department, "bt", true),
        new("bt-nv", Illustrative(10), "Sở Nội vụ tỉnh Bình Thuận", "Sở Nội vụ Bình Thuận", AgencyKind.Department, "bt", true),
        new("bt-vp", Illustrative(11), "Văn phòng Ủy ban nhân dân tỉnh Bình Thuận", "Văn phòng UBND tỉnh Bình Thuận", AgencyKind.Department, "bt", true),
        new("qn", "000.00.00.H48", "Ủy ban nhân dân tỉnh Quảng Ngãi", "UBND tỉnh Quảng Ngãi", AgencyKind.ProvincialPeoplesCommittee, null, false),
        new("qn-tu", Illustrative(12), "Ban Thường vụ Tỉnh ủy Quảng Ngãi", "BTV Tỉnh ủy Quảng Ngãi", AgencyKind.Other, null, true),
        new("qb", Illustrative(13), "Ủy ban nhân dân tỉnh Quảng Bình", "UBND tỉnh Quảng Bình", AgencyKind.ProvincialPeoplesCommittee, null, true),
        new("qb-tttt", Illustrative(14), "Sở Thông tin và Truyền thông tỉnh Quảng Bình", "Sở TT&TT Quảng Bình", AgencyKind.Department, "qb", true),
    ];

    /// <summary>Seed 000: Plan 170/KH-UBND, 11/8/2023, 8 solution groups — one per scored main index of QĐ 922 — aiming for the "khá" group.</summary>
    public static SamplePlan QuangTriPlan170 { get; } = new(
        PlanKind.Plan,
        "170/KH-UBND",
        "qt",
        new DateOnly(2023, 8, 11),
        "Nâng cao chỉ số chuyển đổi số tỉnh Quảng Trị (DTI)",
        "8 nhóm giải pháp: nhận thức số; thể chế số; hạ tầng số; nhân lực số; an toàn thông tin mạng; hoạt động chính quyền số; hoạt động kinh tế số; hoạt động xã hội số. Báo cáo định kỳ hằng quý (trước ngày 25 tháng cuối quý) và hằng năm (trước ngày 20/12) gửi Sở TT&TT.",
        null,
        null,
        2023,
        2023,
        "khá",
        [
            new(1, "Về nhận thức số", "1"),
            new(2, "Về thể chế số", "2"),
            new(3, "Về hạ tầng số", "3"),
            new(4, "Về nhân lực số", "4"),
            new(5, "Về an toàn thông tin mạng", "5"),
            new(6, "Về hoạt động chính quyền số", "7"),
            new(7, "Về hoạt động kinh tế số", "8"),
            new(8, "Về hoạt động xã hội số", "9"),
        ],
        [],
        // The plan's annexes name the lead of each index; we could not read them, so these assignments are illustrative.
        // Công an tỉnh (named by the plan among the agencies leading indices) leads cyber security, so the plan has two
        // lead agencies whose reports the sample reports show.
        [
            new("1", "qt-tttt", ["qt-bao", "qt-dai"]),
            new("5", "qt-ca", ["qt-tttt"]),
            new("7", "qt-tttt", []),
            new("8", "qt-tttt", ["qt-thue", "qt-nhnn", "qt-tk"]),
        ],
        // "định kỳ hàng quý (trước ngày 25 tháng cuối quý) và hàng năm (trước ngày 20/12)": the reference rules.
        [ReferenceDeadlineRules.QuangTriQuarterlyName, ReferenceDeadlineRules.QuangTriAnnualName],
        false);

    /// <summary>
    /// Seed 002: Bình Thuận's 90-day peak campaign, 20/9–19/12/2023, with its tasks and due months. The article gives
    /// neither the plan's number nor its signing date: both are illustrative.
    /// </summary>
    public static SamplePlan BinhThuanCampaign { get; } = new(
        PlanKind.Campaign,
        "CD90-DTI-2023 (minh họa)",
        "bt",
        new DateOnly(2023, 9, 20),
        "Chiến dịch cao điểm 90 ngày “Nâng cao chỉ số Chuyển đổi số (DTI) tỉnh Bình Thuận năm 2023”",
        "DTI 2022: hạng 50/63, giảm 3 bậc; nhân lực số và hoạt động chính quyền số hạng 53, hạ tầng số hạng 49, hoạt động xã hội số hạng 38.",
        new DateOnly(2023, 9, 20),
        new DateOnly(2023, 12, 19),
        2023,
        2023,
        null,
        [],
        [
            new("Hoàn thành triển khai Trung tâm Tích hợp dữ liệu tỉnh phục vụ chuyển đổi số theo hướng sử dụng công nghệ điện toán đám mây", "bt-tttt", [], "2023-11", ["3"]),
            new("Triển khai nền tảng phân tích, xử lý dữ liệu tổng hợp tập trung", "bt-tttt", [], "2023-10", ["3"]),
            new("Hướng dẫn các sở, ban, ngành và địa phương ban hành quyết định phân công công chức, viên chức chuyên trách, kiêm nhiệm về chuyển đổi số, an toàn thông tin mạng", "bt-tttt", ["bt-nv"], "2023-10", ["4", "5"]),
            new("Tổ chức 2 lớp bồi dưỡng, tập huấn về chuyển đổi số cho công chức, viên chức, thành viên Tổ Công nghệ số cộng đồng", "bt-tttt", [], "2023-11", ["4"]),
            new("Triển khai nền tảng trợ lý ảo phục vụ người dân, doanh nghiệp trong việc thực hiện các thủ tục hành chính của tỉnh", "bt-vp", [], "2023-12", ["7"]),
        ],
        [],
        [],
        true);

    /// <summary>
    /// Seed 003: Directive 19-CT/TU of the Quảng Ngãi Party Standing Committee, aiming for "trung bình khá" or better from 2022.
    /// The article (01/06/2022) says "vừa ban hành" without the exact date: its date stands in, so the plan is marked sample.
    /// </summary>
    public static SamplePlan QuangNgaiDirective19 { get; } = new(
        PlanKind.Directive,
        "19-CT/TU",
        "qn-tu",
        new DateOnly(2022, 6, 1),
        "Tăng cường sự lãnh đạo, chỉ đạo của Đảng đối với chuyển đổi số tỉnh Quảng Ngãi đến năm 2025, định hướng đến năm 2030",
        "Lấy kết quả thực hiện chuyển đổi số để đánh giá người đứng đầu; phân công thành viên Ban Chỉ đạo tỉnh theo từng chỉ số thành phần.",
        null,
        null,
        2022,
        2023,
        "trung bình khá",
        [],
        [],
        [],
        [],
        true);

    /// <summary>Seed 004: Quảng Bình's Official Letter 2351/UBND-KSTT of 16/11/2023.</summary>
    public static SamplePlan QuangBinhLetter2351 { get; } = new(
        PlanKind.OfficialLetter,
        "2351/UBND-KSTT",
        "qb",
        new DateOnly(2023, 11, 16),
        "Thực hiện các nhiệm vụ, giải pháp tiếp tục cải thiện Chỉ số DTI của tỉnh năm 2023 và những năm tiếp theo",
        "DTI 2022: 541,46/1.000 điểm, hạng 46/63, tăng 15 bậc so với năm 2021. Báo cáo Quý IV/2023 trước ngày 20/12/2023; số liệu DTI gửi Bộ TT&TT trước ngày 15/01 hằng năm.",
        null,
        null,
        2023,
        2023,
        null,
        [],
        [
            new("Báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số Quý IV/2023 gửi UBND tỉnh, Ban Chỉ đạo Chuyển đổi số tỉnh (trước ngày 20/12/2023)", "qb-tttt", [], new DateOnly(2023, 12, 19), ["7"]),
            new("Tổng hợp số liệu, tham mưu UBND tỉnh đánh giá, chấm điểm Chỉ số DTI, gửi Bộ TT&TT (trước ngày 15/01/2024)", "qb-tttt", [], new DateOnly(2024, 1, 14), []),
        ],
        [],
        [],
        false);

    public static IReadOnlyList<SamplePlan> Plans { get; } = [QuangTriPlan170, BinhThuanCampaign, QuangNgaiDirective19, QuangBinhLetter2351];

    private static string Illustrative(int n) => $"999.99.{n:00}.Z99";
}

internal sealed record SampleAgency(string Key, string Code, string FullName, string ShortName, AgencyKind Kind, string? ParentKey, bool IsSample);

internal sealed record SamplePlan(
    PlanKind Kind,
    string DocumentNumber,
    string IssuerKey,
    DateOnly IssueDate,
    string Title,
    string? Summary,
    DateOnly? PeriodStart,
    DateOnly? PeriodEnd,
    int FirstAssessmentYear,
    int LastAssessmentYear,
    string? TargetRankGroup,
    IReadOnlyList<SolutionGroupSpec> SolutionGroups,
    IReadOnlyList<SampleTask> Tasks,
    IReadOnlyList<SampleAssignment> Assignments,
    IReadOnlyList<string> ReportingRuleNames,
    bool IsSample);

/// <summary>A task due on a date or in a month (<c>2023-11</c>).</summary>
internal sealed record SampleTask(string Title, string LeadKey, IReadOnlyList<string> CooperatorKeys, object Due, IReadOnlyList<string> IndexCodes);

internal sealed record SampleAssignment(string IndexCode, string LeadKey, IReadOnlyList<string> CooperatorKeys);
