using System.Text.Json.Nodes;

namespace Dti.Api.Tests.Frameworks;

/// <summary>
/// Framework JSON bodies for import tests: the QĐ 922 main-index structure under another code, for years before
/// 2021 (QĐ 922 governs 2021–2023 and QĐ 405 2024 onward, and a year has one framework only).
/// </summary>
public static class FrameworkBodies
{
    public static JsonObject Complete(string code = "TEST-2015", int first = 2015, int? last = 2016) => new()
    {
        ["code"] = code,
        ["decisionNumber"] = "999/QĐ-BKHCN",
        ["issuingMinistry"] = "Bộ Khoa học và Công nghệ",
        ["issueDate"] = "2014-12-01",
        ["firstAssessmentYear"] = first,
        ["lastAssessmentYear"] = last,
        ["titleVi"] = "Bộ chỉ số đánh giá chuyển đổi số cấp tỉnh",
        ["titleEn"] = "Provincial Digital Transformation Index",
        ["pillars"] = new JsonArray(
            Pillar("CQS", 1, "Chính quyền số"),
            Pillar("KTS", 2, "Kinh tế số"),
            Pillar("XHS", 3, "Xã hội số")),
        ["mainIndices"] = new JsonArray(
            MainIndex("1", "Nhận thức số", 100, "Foundation"),
            MainIndex("2", "Thể chế số", 100, "Foundation"),
            MainIndex("3", "Hạ tầng số", 100, "Foundation"),
            MainIndex("4", "Nhân lực số", 100, "Foundation"),
            MainIndex("5", "An toàn thông tin mạng", 100, "Foundation"),
            MainIndex("6", "Đô thị thông minh", 0, "Foundation", scored: false),
            MainIndex("7", "Hoạt động chính quyền số", 200, "Activity", "CQS"),
            MainIndex("8", "Hoạt động kinh tế số", 150, "Activity", "KTS"),
            MainIndex("9", "Hoạt động xã hội số", 150, "Activity", "XHS")),
        ["componentIndices"] = new JsonArray(
            Component("7.1", "7", "Tỷ lệ hồ sơ trực tuyến toàn trình (mẫu)", 120),
            Component("7.2", "7", "Tỷ lệ số hóa hồ sơ (mẫu)", 80)),
    };

    public static JsonObject Pillar(string code, int order, string name) =>
        new() { ["code"] = code, ["order"] = order, ["nameVi"] = name, ["nameEn"] = null };

    public static JsonObject MainIndex(string code, string name, decimal? points, string group, string? pillar = null, bool scored = true) => new()
    {
        ["code"] = code,
        ["order"] = int.Parse(code, System.Globalization.CultureInfo.InvariantCulture),
        ["nameVi"] = name,
        ["nameEn"] = null,
        ["maxPoints"] = points,
        ["isScored"] = scored,
        ["group"] = group,
        ["pillarCode"] = pillar,
    };

    public static JsonObject Component(string code, string main, string name, decimal? points) => new()
    {
        ["code"] = code,
        ["mainIndexCode"] = main,
        ["order"] = 1,
        ["nameVi"] = name,
        ["nameEn"] = null,
        ["maxPoints"] = points,
        ["measureType"] = "Percentage",
        ["unit"] = "%",
        ["evidenceRequired"] = true,
        ["dataSource"] = "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh",
        ["isSample"] = true,
    };
}
