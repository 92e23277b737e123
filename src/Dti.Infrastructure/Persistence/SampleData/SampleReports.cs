using Dti.Domain.Deadlines;
using Dti.Infrastructure.Persistence.ReferenceData;

namespace Dti.Infrastructure.Persistence.SampleData;

/// <summary>
/// Reports for the sample plans, each told as what happened to it and when, so a newcomer sees every state a report
/// passes through. The plans, agencies, rules and dates are the seeds' (Plan 170/KH-UBND: quarterly before the 25th of
/// the quarter's last month; Letter 2351/UBND-KSTT: the Q4/2023 report before 20/12/2023); every value, note, section
/// and evidence link is illustrative ("minh họa"), and every report and request is marked <c>IsSample</c>. Evidence links
/// point at the reserved <c>.example</c> domain: they name no real document.
/// </summary>
/// <remarks>
/// Plan 170's deadlines: "before 25/9" and "before 25/12" exclude the 25th, and Sunday 24/9 and Sunday 24/12/2023 roll
/// over to Monday, so the last allowed days are 25/9/2023 and 25/12/2023. Letter 2351's "trước ngày 20/12/2023" makes
/// 19/12/2023 the last day. Main indices are measured as a score: the value is the index's self-assessed value in
/// [0, 1], as the ministry publishes main indices, and the score that value times the index's maximum points.
/// </remarks>
internal static class SampleReports
{
    private const string Illustrative = "Số liệu minh họa.";

    /// <summary>Letter 2351/UBND-KSTT of 16/11/2023, read as a request: UBND tỉnh Quảng Bình asks its Department of Information and Communications for the Q4/2023 report.</summary>
    public static SampleRequest QuangBinhQ4Request { get; } = new(
        "qb",
        "Báo cáo kết quả thực hiện nhiệm vụ chuyển đổi số Quý IV/2023 gửi UBND tỉnh, Ban Chỉ đạo Chuyển đổi số tỉnh trước ngày 20/12/2023 (Công văn số 2351/UBND-KSTT ngày 16/11/2023)",
        2023,
        VietnamTime(2023, 11, 16, 8),
        new DateOnly(2023, 12, 19),
        ["qb-tttt"],
        ["3", "7"]);

    public static IReadOnlyList<SampleReport> All { get; } =
    [
        // Sent five days early and accepted: the plain path.
        new(
            "qt-tttt",
            new SampleSubject.Periodic(SampleContent.QuangTriPlan170, ReferenceDeadlineRules.QuangTriQuarterlyName, "2023Q3"),
            "qt-tttt",
            [
                new SampleStep.Write(VietnamTime(2023, 9, 18, 14), new(
                    [
                        Entry("1", 0.54m, 100, new(2023, 9, 14), "Tin, bài tuyên truyền về chuyển đổi số quý III/2023.", Link("qt", "170-KH-UBND/2023Q3/tuyen-truyen-chuyen-doi-so.pdf", "Tổng hợp tin, bài tuyên truyền về chuyển đổi số quý III/2023 trên Báo Quảng Trị và Đài PT-TH tỉnh")),
                        Entry("7", 0.48m, 200, new(2023, 9, 14), "Dịch vụ công trực tuyến theo Hệ thống thông tin giải quyết thủ tục hành chính tỉnh.", Link("qt", "170-KH-UBND/2023Q3/dich-vu-cong-truc-tuyen.xlsx", "Kết quả dịch vụ công trực tuyến quý III/2023 trích từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh")),
                        Entry("8", 0.35m, 150, new(2023, 9, 14), "Ước tính theo số liệu quý II/2023.") with
                        {
                            Explanation = "Số liệu thanh toán không dùng tiền mặt và hóa đơn điện tử (NHNN Chi nhánh tỉnh, Cục Thuế tỉnh) chưa chốt khi gửi báo cáo; bổ sung trong báo cáo quý IV. (minh họa)",
                        },
                    ],
                    $"{Illustrative} Ban hành kế hoạch triển khai Kế hoạch 170/KH-UBND; hướng dẫn các sở, ngành, địa phương tự đánh giá theo 8 nhóm giải pháp.",
                    $"{Illustrative} Một số đơn vị chưa cử cán bộ đầu mối theo dõi chỉ số được giao chủ trì.",
                    $"{Illustrative} Đề nghị các đơn vị chủ trì cử cán bộ đầu mối và gửi số liệu đúng hạn.")),
                new SampleStep.Submit(VietnamTime(2023, 9, 20, 9)),
                new SampleStep.Accept(VietnamTime(2023, 9, 27, 14)),
            ]),

        // Sent three working days after the deadline (Monday 25/9) and returned: it waits for the agency's correction.
        new(
            "qt-ca",
            new SampleSubject.Periodic(SampleContent.QuangTriPlan170, ReferenceDeadlineRules.QuangTriQuarterlyName, "2023Q3"),
            "qt-tttt",
            [
                new SampleStep.Write(VietnamTime(2023, 9, 26, 10), new(
                    [Entry("5", 0.61m, 100, new(2023, 9, 14), "Giám sát, cảnh báo an toàn thông tin mạng các hệ thống thông tin của tỉnh quý III/2023.")],
                    $"{Illustrative} Phối hợp Sở TT&TT giám sát an toàn thông tin các hệ thống thông tin của tỉnh; không xảy ra sự cố nghiêm trọng.",
                    $"{Illustrative} Thiếu nhân lực chuyên trách an toàn thông tin mạng.",
                    null)),
                new SampleStep.Submit(VietnamTime(2023, 9, 28, 10)),
                new SampleStep.Return(
                    VietnamTime(2023, 10, 3, 9),
                    "Báo cáo gửi sau hạn (25/9/2023) và chưa có tài liệu kiểm chứng; đề nghị bổ sung. (minh họa)",
                    [("5", "Bổ sung biên bản diễn tập và kết quả kiểm tra an toàn thông tin các hệ thống của tỉnh. (minh họa)")]),
            ]),

        // Sent on time, returned with a reason, corrected and sent again: two versions, the first counting as on time.
        new(
            "qt-tttt",
            new SampleSubject.Periodic(SampleContent.QuangTriPlan170, ReferenceDeadlineRules.QuangTriQuarterlyName, "2023Q4"),
            "qt-tttt",
            [
                new SampleStep.Write(VietnamTime(2023, 12, 11, 8, 30), IctQ4([IctQ4Awareness, IctQ4Government, IctQ4Economy], string.Empty)),
                new SampleStep.Submit(VietnamTime(2023, 12, 18, 16)),
                new SampleStep.Return(
                    VietnamTime(2023, 12, 20, 10),
                    "Bổ sung số liệu quý IV. (minh họa)",
                    [("7", "Số liệu chưa khớp Hệ thống thông tin giải quyết thủ tục hành chính tỉnh (chốt ngày 14/12/2023). (minh họa)")]),
                new SampleStep.Write(VietnamTime(2023, 12, 21, 15), IctQ4(
                    [
                        IctQ4Awareness,
                        Entry("7", 0.525m, 200, new(2023, 12, 14), "Đã đối chiếu với Hệ thống thông tin giải quyết thủ tục hành chính tỉnh, số liệu chốt ngày 14/12/2023.", Link("qt", "170-KH-UBND/2023Q4/dich-vu-cong-truc-tuyen-chot-14-12.xlsx", "Kết quả dịch vụ công trực tuyến chốt ngày 14/12/2023, trích từ Hệ thống thông tin giải quyết thủ tục hành chính tỉnh")),
                        IctQ4Economy,
                    ],
                    " Số liệu chỉ số 7 đã đối chiếu lại theo ý kiến thẩm định ngày 20/12/2023.")),
                new SampleStep.Submit(VietnamTime(2023, 12, 22, 9)),
            ]),

        // Started and never sent: past its deadline, /obligations shows it Missing.
        new(
            "qt-ca",
            new SampleSubject.Periodic(SampleContent.QuangTriPlan170, ReferenceDeadlineRules.QuangTriQuarterlyName, "2023Q4"),
            "qt-tttt",
            [
                new SampleStep.Write(VietnamTime(2023, 12, 19, 8), new(
                    [Entry("5", 0.63m, 100, new(2023, 12, 14), "Đang tổng hợp, chưa gửi.")],
                    $"{Illustrative} (đang soạn)",
                    null,
                    null)),
            ]),

        // Quảng Bình's Q4/2023 report, answering Letter 2351/UBND-KSTT a day before its last day, and accepted.
        new(
            "qb-tttt",
            new SampleSubject.Requested(QuangBinhQ4Request),
            "qb",
            [
                new SampleStep.Write(VietnamTime(2023, 12, 12, 8), new(
                    [
                        Entry("3", 0.58m, 100, new(2023, 12, 14), "Hạ tầng số: Trung tâm dữ liệu tỉnh, mạng truyền số liệu chuyên dùng.", Link("qb", "2351-UBND-KSTT/2023Q4/ha-tang-so.pdf", "Báo cáo hiện trạng hạ tầng số quý IV/2023")),
                        Entry("7", 0.51m, 200, new(2023, 12, 14), "Hoạt động chính quyền số: dịch vụ công trực tuyến, hồ sơ xử lý trên môi trường mạng.", Link("qb", "2351-UBND-KSTT/2023Q4/chinh-quyen-so.xlsx", "Số liệu dịch vụ công trực tuyến và văn bản điện tử quý IV/2023")),
                    ],
                    $"{Illustrative} Rà soát, bảo đảm hoàn thành các nhiệm vụ chuyển đổi số năm 2023 theo Công văn 2351/UBND-KSTT; DTI 2022 của tỉnh: 541,46/1.000 điểm, hạng 46/63.",
                    $"{Illustrative} Một số chỉ số thành phần phụ thuộc số liệu của cơ quan ngành dọc Trung ương.",
                    $"{Illustrative} Đề nghị các sở, ngành gửi số liệu phục vụ đánh giá DTI trước ngày 15/01/2024.")),
                new SampleStep.Submit(VietnamTime(2023, 12, 18, 15, 30)),
                new SampleStep.Accept(VietnamTime(2023, 12, 21, 10)),
            ]),
    ];

    private static SampleEntry IctQ4Awareness => Entry("1", 0.56m, 100, new(2023, 12, 14), "Tin, bài tuyên truyền về chuyển đổi số quý IV/2023.", Link("qt", "170-KH-UBND/2023Q4/tuyen-truyen-chuyen-doi-so.pdf", "Tổng hợp tin, bài tuyên truyền về chuyển đổi số quý IV/2023 trên Báo Quảng Trị và Đài PT-TH tỉnh"));

    private static SampleEntry IctQ4Government => Entry("7", 0.50m, 200, new(2023, 12, 14), "Dịch vụ công trực tuyến theo báo cáo tháng 11/2023.", Link("qt", "170-KH-UBND/2023Q4/dich-vu-cong-truc-tuyen-thang-11.xlsx", "Kết quả dịch vụ công trực tuyến tháng 11/2023"));

    private static SampleEntry IctQ4Economy => Entry("8", 0.36m, 150, new(2023, 12, 14), "Thanh toán không dùng tiền mặt và hóa đơn điện tử.", Link("qt", "170-KH-UBND/2023Q4/thanh-toan-khong-dung-tien-mat.xlsx", "Số liệu thanh toán không dùng tiền mặt quý IV/2023 do NHNN Chi nhánh tỉnh cung cấp"));

    private static SampleReportContent IctQ4(IReadOnlyList<SampleEntry> entries, string correction) => new(
        entries,
        $"{Illustrative} Tổ chức tuyên truyền chuyển đổi số quý IV/2023; tăng tỷ lệ hồ sơ trực tuyến toàn trình.{correction}",
        $"{Illustrative} Nhân lực chuyên trách về chuyển đổi số còn thiếu.",
        $"{Illustrative} Bổ sung kinh phí đào tạo kỹ năng số.");

    /// <summary>An entry for a main index: its value in [0, 1] and the score that value earns of <paramref name="maxPoints"/>.</summary>
    private static SampleEntry Entry(string indexCode, decimal value, decimal maxPoints, DateOnly asOf, string note, params SampleLink[] evidence) =>
        new(indexCode, value, value * maxPoints, $"{Illustrative} {note} Giá trị chỉ số (0–1) × {maxPoints:0} điểm.", asOf, evidence, null);

    private static SampleLink Link(string province, string path, string description) =>
        new($"https://{(province == "qt" ? "quangtri" : "quangbinh")}.example/minh-hoa/{path}", $"{description} (minh họa; địa chỉ không có thật)");

    private static DateTimeOffset VietnamTime(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DeadlineCalculator.VietnamOffset);
}

/// <summary>One sample report: whose, answering what, reviewed by whom, and its story in order (the first step starts it).</summary>
internal sealed record SampleReport(string AgencyKey, SampleSubject Subject, string ReviewerKey, IReadOnlyList<SampleStep> Steps);

/// <summary>What a sample report answers.</summary>
internal abstract record SampleSubject
{
    private SampleSubject()
    {
    }

    /// <summary>A periodic obligation: the plan's rule (by its reference name) for a period.</summary>
    public sealed record Periodic(SamplePlan Plan, string RuleName, string PeriodId) : SampleSubject;

    /// <summary>A request, issued when first needed.</summary>
    public sealed record Requested(SampleRequest Request) : SampleSubject;
}

/// <summary>An ad hoc request: who issued it, about what, when, its last day, the agencies and indices asked.</summary>
internal sealed record SampleRequest(
    string IssuerKey, string Topic, int AssessmentYear, DateTimeOffset IssuedAt, DateOnly DueDate, IReadOnlyList<string> AskedAgencyKeys, IReadOnlyList<string> IndexCodes);

/// <summary>What happened to a report, and when.</summary>
internal abstract record SampleStep(DateTimeOffset At)
{
    /// <summary>The agency writes (or rewrites) the whole content.</summary>
    public sealed record Write(DateTimeOffset At, SampleReportContent Content) : SampleStep(At);

    public sealed record Submit(DateTimeOffset At) : SampleStep(At);

    public sealed record Return(DateTimeOffset At, string Reason, IReadOnlyList<(string IndexCode, string Note)> IndexNotes) : SampleStep(At);

    public sealed record Accept(DateTimeOffset At) : SampleStep(At);
}

internal sealed record SampleReportContent(IReadOnlyList<SampleEntry> Entries, string? Results, string? Difficulties, string? Proposals);

internal sealed record SampleEntry(string IndexCode, decimal Value, decimal Score, string Note, DateOnly AsOf, IReadOnlyList<SampleLink> Evidence, string? Explanation);

/// <summary>Evidence published elsewhere, cited by its address.</summary>
internal sealed record SampleLink(string Url, string Description);
