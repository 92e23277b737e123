using System.IO.Pipelines;
using System.Text;
using Dti.Application.Deadlines;

namespace Dti.Api.Tests.Deadlines;

public sealed class IcsWriterTests
{
    private static readonly DateTimeOffset Stamp = new(2026, 11, 21, 3, 4, 5, TimeSpan.Zero);

    [Test]
    public void AShortLineIsNotFolded() => Assert.That(IcsWriter.Fold("SUMMARY:Báo cáo quý"), Is.EqualTo("SUMMARY:Báo cáo quý"));

    [Test]
    public void ALineOfExactly75OctetsIsNotFolded()
    {
        var line = "DESCRIPTION:" + new string('a', 63);

        Assert.That(IcsWriter.Fold(line), Is.EqualTo(line));
    }

    [Test]
    public void LongVietnameseLinesFoldAt75OctetsWithoutSplittingACharacter()
    {
        // "ố" and "ẩ" take three octets in UTF-8, "ạ" three, "đ" two: breaks must fall between them.
        var line = "DESCRIPTION:" + string.Concat(Enumerable.Repeat("Số liệu báo cáo định kỳ được chuẩn hoá theo Nghị định 09/2019/NĐ-CP; ", 4));

        var folded = IcsWriter.Fold(line);
        var physical = folded.Split("\r\n");

        Assert.Multiple(() =>
        {
            Assert.That(physical, Has.Length.GreaterThan(3));
            Assert.That(physical.Select(l => Encoding.UTF8.GetByteCount(l)), Has.All.LessThanOrEqualTo(75));
            Assert.That(physical.Skip(1), Has.All.StartWith(" "));
            Assert.That(physical.Take(physical.Length - 1).Select(l => Encoding.UTF8.GetByteCount(l)), Has.All.GreaterThanOrEqualTo(73), "lines are filled up to the last whole character");
            Assert.That(folded.Replace("\r\n ", string.Empty, StringComparison.Ordinal), Is.EqualTo(line.Normalize(NormalizationForm.FormC)));
            Assert.That(physical.Select(l => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(l))), Is.EqualTo(physical), "every physical line is valid UTF-8 on its own");
        });
    }

    [Test]
    public void AFoldNeverSplitsAMultiByteCharacterAtTheBoundary()
    {
        // 74 ASCII octets leave one octet on the line: the three-octet "ố" must go to the next line whole.
        var line = new string('x', 74) + "ố";

        var physical = IcsWriter.Fold(line).Split("\r\n");

        Assert.That(physical, Is.EqualTo(new[] { new string('x', 74), " ố" }));
    }

    [Test]
    public void ASurrogatePairStaysTogether()
    {
        var line = new string('x', 73) + "😀";

        Assert.That(IcsWriter.Fold(line).Split("\r\n"), Is.EqualTo(new[] { new string('x', 73), " 😀" }));
    }

    [TestCase("a,b", @"a\,b")]
    [TestCase("a;b", @"a\;b")]
    [TestCase(@"a\b", @"a\\b")]
    [TestCase("a\nb", @"a\nb")]
    [TestCase("a\r\nb", @"a\nb")]
    [TestCase("a\rb", @"a\nb")]
    [TestCase("Căn cứ: 170/KH-UBND", "Căn cứ: 170/KH-UBND")]
    public void TextValuesAreEscaped(string value, string expected) => Assert.That(IcsWriter.Escape(value), Is.EqualTo(expected));

    [Test]
    public void TheDocumentHasTheRequiredPropertiesAndCrlfLineEnds()
    {
        var ics = IcsWriter.Write(new IcsCalendar("Báo cáo, quý", [new IcsEvent("r1-2027Q3@dti-api", new DateOnly(2027, 9, 27), "Báo cáo quý — 2027Q3", ["Bước 1", "Bước 2; xong"])], Stamp));

        Assert.That(ics, Is.EqualTo(string.Join("\r\n",
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Dti.Api//Deadlines//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            @"X-WR-CALNAME:Báo cáo\, quý",
            "X-WR-TIMEZONE:Asia/Ho_Chi_Minh",
            "BEGIN:VEVENT",
            "UID:r1-2027Q3@dti-api",
            "DTSTAMP:20261121T030405Z",
            "DTSTART;VALUE=DATE:20270927",
            "DTEND;VALUE=DATE:20270928",
            "SUMMARY:Báo cáo quý — 2027Q3",
            @"DESCRIPTION:Bước 1\nBước 2\; xong",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:-P3D",
            "DESCRIPTION:Báo cáo quý — 2027Q3",
            "END:VALARM",
            "END:VEVENT",
            "END:VCALENDAR",
            string.Empty)));
    }
    [Test]
    public void ALongDescriptionIsEscapedAndFoldedInOnePassAndUnfoldsToItsEscapedText()
    {
        // A deadline's explanation: Vietnamese, line breaks, commas and semicolons, an emoji, well past 75 octets.
        var description = string.Concat(Enumerable.Repeat("Bước 1: ngày 25/12, trước 17:00; nghỉ Tết \\ lễ 😀\r\nBước 2: dời sang ngày làm việc kế tiếp.\n", 6));
        var ics = IcsWriter.Write(new IcsCalendar("Sở TT&TT", [new IcsEvent("e@dti-api", new DateOnly(2026, 12, 24), "Báo cáo năm", [description])], Stamp));

        var physical = ics.Split("\r\n");
        Assert.That(physical.Select(Encoding.UTF8.GetByteCount), Has.All.LessThanOrEqualTo(IcsWriter.MaxLineOctets));
        Assert.That(physical.Where(line => line.Length > 0 && char.IsLowSurrogate(line[0])), Is.Empty, "no character is split");
        var unfolded = ics.Replace("\r\n ", string.Empty, StringComparison.Ordinal).Split("\r\n");
        Assert.That(unfolded, Has.Member("DESCRIPTION:" + IcsWriter.Escape(description)));
    }

    /// <summary>
    /// The feed sent to a response, in pieces as its events are produced, is byte for byte the feed made whole: a long
    /// feed (well past one piece) whose every event carries Vietnamese and an emoji, so pieces end inside multi-octet text.
    /// </summary>
    [Test]
    public async Task AFeedWrittenToAResponseInPiecesIsTheWholeFeedInUtf8()
    {
        var events = Enumerable.Range(0, 400).Select(i => new IcsEvent(
            $"e{i}@dti-api",
            new DateOnly(2026, 1, 1).AddDays(i),
            $"Báo cáo tháng {i} 😀",
            [$"Bước {i}: ngày nghỉ lễ, dời sang ngày làm việc kế tiếp 😀", new string('ể', i % 97)])).ToList();
        var calendar = new IcsCalendar("Sở Thông tin và Truyền thông", events, Stamp);
        using var sent = new MemoryStream();
        var response = PipeWriter.Create(sent);

        await IcsWriter.WriteAsync(calendar, response, CancellationToken.None);
        await response.CompleteAsync();

        var whole = IcsWriter.Write(calendar);
        Assert.That(whole, Has.Length.GreaterThan(100_000), "the feed must span several pieces");
        Assert.That(sent.ToArray(), Is.EqualTo(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(whole)));
    }
}
