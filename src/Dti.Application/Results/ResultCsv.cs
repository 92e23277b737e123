using System.Globalization;
using Dti.Application.Common.Csv;
using Dti.Domain.Frameworks;
using Dti.Domain.Results;

namespace Dti.Application.Results;

/// <summary>
/// The results views as CSV downloads: one header row with stable column names, one row per row of the JSON view (a
/// history's figures, a year's main indices, a table's provinces), written by <see cref="CsvWriter"/> so a spreadsheet
/// keeps the Vietnamese, under a Vietnamese file name. Values at four decimals and points at two, as published, so a file
/// is the same byte for byte on every database.
/// </summary>
public static class ResultCsv
{
    public static readonly string[] HistoryColumns =
        ["year", "fieldSize", "provinceCode", "provinceName", "frameworkCode", "kind", "code", "name", "value", "rank", "rankChange", "valueChange", "origin", "source"];

    public static readonly string[] PointsLostColumns =
        ["year", "fieldSize", "provinceCode", "provinceName", "frameworkCode", "code", "name", "value", "maxPoints", "pointsAchieved", "pointsLost", "origin"];

    public static readonly string[] SelfVsOfficialColumns =
        ["year", "fieldSize", "revision", "provinceCode", "provinceName", "frameworkCode", "kind", "code", "name", "isScored", "maxPoints", "selfValue", "officialValue", "officialRank", "officialOrigin", "difference"];

    public static readonly string[] TableColumns = ["year", "fieldSize", "rank", "provinceCode", "provinceName", "dtiValue", "origin", "source"];

    /// <summary>The DTI's name in the self-vs-official rows, beside the main indices' names.</summary>
    private const string DtiName = "Chỉ số chuyển đổi số (DTI)";

    /// <summary>One row per figure of each year: the DTI, then pillars, then main indices, as the JSON lists them.</summary>
    public static CsvFile History(ResultHistoryDto history) => new(
        $"Kết quả DTI qua các năm - {history.ProvinceName}.csv",
        CsvWriter.Write(HistoryColumns, history.Years.SelectMany(y => new[] { y.Dti }.OfType<FigureHistoryDto>().Concat(y.Pillars).Concat(y.MainIndices).Select(f => (string?[])
        [
            Number(y.Year), Number(y.FieldSize), y.ProvinceCode, y.ProvinceName, y.FrameworkCode, f.Kind.ToString(), f.Code, f.Name,
            Value(f.Value), CsvWriter.Cell(f.Rank), CsvWriter.Cell(f.RankChange), Value(f.ValueChange), f.Origin.ToString(), f.Source,
        ]))));

    /// <summary>One row per main index, largest loss first; the distances to the marks stay in the JSON view.</summary>
    public static CsvFile PointsLost(PointsLostDto lost) => new(
        $"Điểm bị mất DTI {Number(lost.Year)} - {lost.ProvinceName}.csv",
        CsvWriter.Write(PointsLostColumns, lost.MainIndices.Select(i => (string?[])
        [
            Number(lost.Year), Number(lost.FieldSize), lost.ProvinceCode, lost.ProvinceName, lost.FrameworkCode, i.Code, i.Name,
            Value(i.Value), Points(i.MaxPoints), Points(i.PointsAchieved), Points(i.PointsLost), i.Origin.ToString(),
        ])));

    /// <summary>The DTI's row first (kind <c>Dti</c>, out of 1,000 points), then one row per main index.</summary>
    public static CsvFile SelfVsOfficial(SelfVsOfficialDto comparison)
    {
        string?[] Row(FigureKind kind, string code, string name, bool isScored, decimal? maxPoints, decimal? self, decimal? official, int? rank, FigureOrigin? origin, decimal? difference) =>
        [
            Number(comparison.Year), CsvWriter.Cell(comparison.FieldSize), Number(comparison.Revision), comparison.ProvinceCode, comparison.ProvinceName, comparison.FrameworkCode,
            kind.ToString(), code, name, isScored ? "true" : "false", Points(maxPoints),
            Value(self), Value(official), CsvWriter.Cell(rank), origin?.ToString(), Value(difference),
        ];
        var dti = Row(FigureKind.Dti, ResultLimits.DtiCode, DtiName, true, FrameworkLimits.TotalPoints, comparison.SelfDti, comparison.OfficialDti, comparison.OfficialRank, null, comparison.DtiDifference);
        return new(
            $"Tự đánh giá và kết quả DTI {Number(comparison.Year)} - {comparison.ProvinceName}.csv",
            CsvWriter.Write(SelfVsOfficialColumns, comparison.MainIndices
                .Select(i => Row(FigureKind.MainIndex, i.Code, i.Name, i.IsScored, i.MaxPoints, i.SelfValue, i.OfficialValue, i.OfficialRank, i.OfficialOrigin, i.Difference))
                .Prepend(dti)));
    }

    /// <summary>One row per province, by rank, as the table lists them; the field average stays in the JSON view.</summary>
    public static CsvFile Table(ResultTableDto table) => new(
        $"Xếp hạng DTI {Number(table.Year)} - {Number(table.FieldSize)} tỉnh, thành phố.csv",
        CsvWriter.Write(TableColumns, table.Rows.Select(r => (string?[])
        [
            Number(table.Year), Number(table.FieldSize), CsvWriter.Cell(r.Rank), r.ProvinceCode, r.ProvinceName, Value(r.DtiValue), r.Origin.ToString(),
            r.Figures.FirstOrDefault(f => f.Kind == FigureKind.Dti)?.Source,
        ])));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>An index or DTI value as published: four decimals.</summary>
    private static string? Value(decimal? value) => CsvWriter.Cell(value, 4);

    /// <summary>Points: two decimals.</summary>
    private static string? Points(decimal? points) => CsvWriter.Cell(points, 2);
}
