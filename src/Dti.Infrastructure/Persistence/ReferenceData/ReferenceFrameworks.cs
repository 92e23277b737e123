using Dti.Domain.Frameworks;

namespace Dti.Infrastructure.Persistence.ReferenceData;

/// <summary>
/// The national frameworks every installation starts with. QĐ 922 carries the verified structure
/// (9 main indices, smart city collected but not scored); its 98 component indices are in Appendix I,
/// which a province imports. QĐ 405's per-index names and points were not published in what we could
/// read, so its 8 main indices are placeholders that say so, and it stays a draft.
/// </summary>
public static class ReferenceFrameworks
{
    public const string Qd922Code = "QD-922-2022";
    public const string Qd405Code = "QD-405-2025";

    private const string Title =
        "Phê duyệt Đề án “Xác định Bộ chỉ số đánh giá chuyển đổi số của các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, các tỉnh, thành phố trực thuộc Trung ương và của quốc gia”";

    private const string TitleEn =
        "Approving the scheme \"Determining the Digital Transformation Index of ministries, ministerial-level agencies, government agencies, provinces and centrally-run cities, and of the nation\"";

    public static FrameworkSpec Qd922 { get; } = new(
        Qd922Code,
        "922/QĐ-BTTTT",
        "Bộ Thông tin và Truyền thông",
        new DateOnly(2022, 5, 20),
        2021,
        2023,
        Title,
        TitleEn,
        [
            new PillarSpec("CQS", 1, "Chính quyền số", "Digital government"),
            new PillarSpec("KTS", 2, "Kinh tế số", "Digital economy"),
            new PillarSpec("XHS", 3, "Xã hội số", "Digital society"),
        ],
        [
            new MainIndexSpec("1", 1, "Nhận thức số", "Digital awareness", 100m, true, IndexGroup.Foundation, null),
            new MainIndexSpec("2", 2, "Thể chế số", "Digital institutions", 100m, true, IndexGroup.Foundation, null),
            new MainIndexSpec("3", 3, "Hạ tầng số", "Digital infrastructure", 100m, true, IndexGroup.Foundation, null),
            new MainIndexSpec("4", 4, "Nhân lực số", "Digital human resources", 100m, true, IndexGroup.Foundation, null),
            new MainIndexSpec("5", 5, "An toàn thông tin mạng", "Cyber security", 100m, true, IndexGroup.Foundation, null),
            new MainIndexSpec("6", 6, "Đô thị thông minh", "Smart city", 0m, false, IndexGroup.Foundation, null),
            new MainIndexSpec("7", 7, "Hoạt động chính quyền số", "Digital government activity", 200m, true, IndexGroup.Activity, "CQS"),
            new MainIndexSpec("8", 8, "Hoạt động kinh tế số", "Digital economy activity", 150m, true, IndexGroup.Activity, "KTS"),
            new MainIndexSpec("9", 9, "Hoạt động xã hội số", "Digital society activity", 150m, true, IndexGroup.Activity, "XHS"),
        ],
        []);

    public static FrameworkSpec Qd405 { get; } = new(
        Qd405Code,
        "405/QĐ-BKHCN",
        "Bộ Khoa học và Công nghệ",
        new DateOnly(2025, 4, 3),
        2024,
        null,
        Title,
        TitleEn,
        [
            new PillarSpec("CQS", 1, "Chính quyền số", "Digital government"),
            new PillarSpec("KTS", 2, "Kinh tế số", "Digital economy"),
            new PillarSpec("XHS", 3, "Xã hội số", "Digital society"),
        ],
        [.. Enumerable.Range(1, 8).Select(i => new MainIndexSpec(
            i.ToString(System.Globalization.CultureInfo.InvariantCulture),
            i,
            $"Chỉ số chính {i} (tên chính thức chưa nhập — import QĐ 405)",
            $"Main index {i} (official name not yet imported — import QĐ 405)",
            null,
            true,
            i <= 5 ? IndexGroup.Foundation : IndexGroup.Activity,
            null))],
        []);
}
