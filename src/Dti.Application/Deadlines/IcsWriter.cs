using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using Dti.Domain.Common;

namespace Dti.Application.Deadlines;

/// <summary>One all-day event: the last allowed day of a deadline.</summary>
/// <param name="Uid">Globally unique and stable, so calendar clients update the event instead of duplicating it.</param>
/// <param name="Date">The day of the event.</param>
/// <param name="Summary">The event's title.</param>
/// <param name="Description">Free text, as its lines (line breaks within a line are kept too).</param>
public sealed record IcsEvent(string Uid, DateOnly Date, string Summary, IEnumerable<string> Description);

/// <summary>An iCalendar feed to write: its name, its events (produced as the feed is written) and the time it was made.</summary>
/// <param name="Name">The calendar's display name (<c>X-WR-CALNAME</c>).</param>
/// <param name="Events">The events, enumerated once, while the feed is written.</param>
/// <param name="Stamp">When the feed was made (every event's <c>DTSTAMP</c>).</param>
public sealed record IcsCalendar(string Name, IEnumerable<IcsEvent> Events, DateTimeOffset Stamp);

/// <summary>
/// Writes RFC 5545 iCalendar (<c>text/calendar</c>): a VCALENDAR of all-day VEVENTs, each with a DISPLAY
/// alarm three days before. Lines end in CRLF and are folded at 75 octets of UTF-8 without splitting a character.
/// A feed is written to the response as it is produced (<see cref="WriteAsync"/>), or made whole (<see cref="Write(IcsCalendar)"/>).
/// </summary>
public static class IcsWriter
{
    public const string MediaType = "text/calendar";

    /// <summary>RFC 5545 §3.1: lines should not be longer than 75 octets, excluding the line break.</summary>
    public const int MaxLineOctets = 75;

    /// <summary>Text once the feed has gathered this many characters is sent on (about 16–48 KB of UTF-8).</summary>
    private const int ChunkChars = 16 * 1024;

    /// <summary>The whole feed as one string.</summary>
    public static string Write(IcsCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return Chunks(calendar, int.MaxValue).Single().ToString();
    }

    /// <summary>
    /// Writes the feed to <paramref name="output"/> as UTF-8 while its events are produced, flushing every
    /// <see cref="ChunkChars"/> characters: a long feed is neither held whole as a string nor encoded twice.
    /// </summary>
    public static async Task WriteAsync(IcsCalendar calendar, PipeWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(output);
        var encoder = Encoding.UTF8.GetEncoder(); // keeps a surrogate pair that straddles two chunks whole
        foreach (var text in Chunks(calendar, ChunkChars))
        {
            foreach (var chunk in text.GetChunks())
            {
                encoder.Convert(chunk.Span, output, flush: false, out _, out _);
            }

            await output.FlushAsync(cancellationToken);
        }

        encoder.Convert(ReadOnlySpan<char>.Empty, output, flush: true, out _, out _);
        await output.FlushAsync(cancellationToken);
    }

    /// <summary>The feed's text in pieces of at least <paramref name="chunkChars"/> characters (the last may be shorter), in one reused builder.</summary>
    private static IEnumerable<StringBuilder> Chunks(IcsCalendar calendar, int chunkChars)
    {
        ArgumentNullException.ThrowIfNull(calendar.Events);
        var text = new StringBuilder(Math.Min(chunkChars, ChunkChars) + 4096);
        var dtStamp = calendar.Stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//Dti.Api//Deadlines//EN");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:", calendar.Name);
        Line(text, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        foreach (var e in calendar.Events)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, "UID:", e.Uid);
            text.Append("DTSTAMP:").Append(dtStamp).Append("\r\n");
            Date(text, "DTSTART;VALUE=DATE:", e.Date);
            Date(text, "DTEND;VALUE=DATE:", e.Date.AddDays(1));
            Line(text, "SUMMARY:", e.Summary);
            Lines(text, "DESCRIPTION:", e.Description);
            Line(text, "TRANSP:TRANSPARENT");
            Line(text, "BEGIN:VALARM");
            Line(text, "ACTION:DISPLAY");
            Line(text, "TRIGGER:-P3D");
            Line(text, "DESCRIPTION:", e.Summary);
            Line(text, "END:VALARM");
            Line(text, "END:VEVENT");
            if (text.Length >= chunkChars)
            {
                yield return text;
                text.Clear();
            }
        }

        Line(text, "END:VCALENDAR");
        yield return text;
    }

    /// <summary>RFC 5545 §3.3.11 TEXT: backslash, semicolon and comma escaped; every line break becomes <c>\n</c>.</summary>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 8);
        new ContentLine(text, fold: false).Append(value, escape: true);
        return text.ToString();
    }

    /// <summary>
    /// RFC 5545 §3.1 folding: a content line longer than <see cref="MaxLineOctets"/> octets of UTF-8 continues on
    /// lines that start with one space (which counts towards their 75). Breaks fall between characters (Unicode
    /// scalar values), never inside one.
    /// </summary>
    public static string Fold(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var text = new StringBuilder(line.Length + 8);
        new ContentLine(text, fold: true).Append(line, escape: false);
        return text.ToString();
    }

    /// <summary>A content line: <paramref name="name"/> as it is, then <paramref name="value"/> escaped, folded, CRLF.</summary>
    private static void Line(StringBuilder text, string name, string? value = null)
    {
        var line = new ContentLine(text, fold: true);
        line.Append(name, escape: false);
        if (value is not null)
        {
            line.Append(value, escape: true);
        }

        text.Append("\r\n");
    }

    /// <summary>A content line of <paramref name="lines"/> escaped and joined by <c>\n</c>, as one TEXT value.</summary>
    private static void Lines(StringBuilder text, string name, IEnumerable<string> lines)
    {
        var line = new ContentLine(text, fold: true);
        line.Append(name, escape: false);
        var first = true;
        foreach (var value in lines)
        {
            if (!first)
            {
                line.Append("\n", escape: true);
            }

            line.Append(value, escape: true);
            first = false;
        }

        text.Append("\r\n");
    }

    /// <summary>A DATE property (short: never folded).</summary>
    private static void Date(StringBuilder text, string name, DateOnly date) =>
        text.Append(name).Append(CultureInfo.InvariantCulture, $"{date:yyyyMMdd}").Append("\r\n");

    /// <summary>
    /// Appends a content line's text to the feed as it escapes and folds it, copying runs of plain characters at once,
    /// so a long description is copied once, not once per step (escape, prefix, fold) nor character by character.
    /// </summary>
    private ref struct ContentLine(StringBuilder text, bool fold)
    {
        private int _octets;

        /// <summary><paramref name="value"/> in NFC; with <paramref name="escape"/>, as RFC 5545 TEXT.</summary>
        public void Append(string value, bool escape)
        {
            var chars = Nfc.Of(value).AsSpan();
            var run = 0;
            var i = 0;
            while (i < chars.Length)
            {
                var c = chars[i];
                if (escape && c is '\\' or ';' or ',' or '\r' or '\n')
                {
                    text.Append(chars[run..i]);
                    Escaped(c is '\r' or '\n' ? 'n' : c);
                    i += c == '\r' && i + 1 < chars.Length && chars[i + 1] == '\n' ? 2 : 1;
                    run = i;
                    continue;
                }

                // A surrogate pair is one character of four octets; a lone surrogate is written as U+FFFD, three.
                var pair = char.IsHighSurrogate(c) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]);
                var octets = pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
                if (fold && _octets + octets > MaxLineOctets)
                {
                    text.Append(chars[run..i]).Append("\r\n ");
                    _octets = 1;
                    run = i;
                }

                _octets += octets;
                i += pair ? 2 : 1;
            }

            text.Append(chars[run..]);
        }

        /// <summary>A backslash and <paramref name="c"/>, folded like any two characters.</summary>
        private void Escaped(char c)
        {
            foreach (var octet in (ReadOnlySpan<char>)['\\', c])
            {
                if (fold && _octets + 1 > MaxLineOctets)
                {
                    text.Append("\r\n ");
                    _octets = 1;
                }

                text.Append(octet);
                _octets++;
            }
        }
    }
}
