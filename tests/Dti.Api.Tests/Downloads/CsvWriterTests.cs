using System.Text;
using Dti.Application.Common.Csv;

namespace Dti.Api.Tests.Downloads;

/// <summary>What a spreadsheet user relies on in every CSV download: Vietnamese intact, cells not split, no formulas run.</summary>
public sealed class CsvWriterTests
{
    [Test]
    public void Starts_with_a_byte_order_mark_and_keeps_Vietnamese_text_exactly()
    {
        var bytes = CsvWriter.Write(["tenCoQuan", "ghiChu"], [["Sở Thông tin và Truyền thông", "Đã nộp, đúng hạn"]]);

        Assert.That(bytes.Take(3), Is.EqualTo(Encoding.UTF8.GetPreamble()));
        Assert.That(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3), Is.EqualTo("tenCoQuan,ghiChu\r\nSở Thông tin và Truyền thông,\"Đã nộp, đúng hạn\"\r\n"));
    }

    [Test]
    public void Quotes_and_line_breaks_stay_inside_their_cell()
    {
        var text = Encoding.UTF8.GetString(CsvWriter.Write(["a"], [["Kế hoạch \"170\"\r\ndòng 2"], [null]]))[1..];

        Assert.That(text, Is.EqualTo("a\r\n\"Kế hoạch \"\"170\"\"\r\ndòng 2\"\r\n\r\n"));
    }

    [TestCase("=HYPERLINK(\"x\")", "'=HYPERLINK(\"\"x\"\")")]
    [TestCase("+84", "'+84")]
    [TestCase("@SUM(A1)", "'@SUM(A1)")]
    [TestCase("-x", "'-x")]
    [TestCase("-0.0512", "-0.0512")]
    [TestCase("0.7164", "0.7164")]
    public void Defuses_cells_a_spreadsheet_would_run_as_formulas_but_leaves_numbers(string cell, string written)
    {
        var text = Encoding.UTF8.GetString(CsvWriter.Write(["a"], [[cell]]))[1..];

        Assert.That(text, Is.EqualTo($"a\r\n{(written.Contains('"') ? $"\"{written}\"" : written)}\r\n"));
    }
}
