using System.Globalization;
using System.Text;
using Dti.Domain.Common;

namespace Dti.Application.Deadlines;

/// <summary>One all-day event: the last allowed day of a deadline.</summary>
/// <param name="Uid">Globally unique and stable, so calendar clients update the event instead of duplicating it.</param>
/// <param name="Date">The day of the event.</param>
/// <param name="Summary">The event's title.</param>
/// <param name="Description">Free text; line breaks are kept.</param>
public sealed record IcsEvent(string Uid, DateOnly Date, string Summary, string Description);

/// <summary>
/// Writes RFC 5545 iCalendar (<c>text/calendar</c>): a VCALENDAR of all-day VEVENTs, each with a DISPLAY
/// alarm three days before. Lines end in CRLF and are folded at 75 octets of UTF-8 without splitting a character.
/// </summary>
public static class IcsWriter
{
    public const string MediaType = "text/calendar";

    /// <summary>RFC 5545 §3.1: lines should not be longer than 75 octets, excluding the line break.</summary>
    public const int MaxLineOctets = 75;

    public static string Write(string calendarName, IEnumerable<IcsEvent> events, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(events);
        var text = new StringBuilder();
        var dtStamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        Line(text, "BEGIN:VCALENDAR");
        Line(text, "VERSION:2.0");
        Line(text, "PRODID:-//Dti.Api//Deadlines//EN");
        Line(text, "CALSCALE:GREGORIAN");
        Line(text, "METHOD:PUBLISH");
        Line(text, "X-WR-CALNAME:", calendarName);
        Line(text, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        foreach (var e in events)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, "UID:", e.Uid);
            Line(text, "DTSTAMP:" + dtStamp);
            Line(text, "DTSTART;VALUE=DATE:" + Date(e.Date));
            Line(text, "DTEND;VALUE=DATE:" + Date(e.Date.AddDays(1)));
            Line(text, "SUMMARY:", e.Summary);
            Line(text, "DESCRIPTION:", e.Description);
            Line(text, "TRANSP:TRANSPARENT");
            Line(text, "BEGIN:VALARM");
            Line(text, "ACTION:DISPLAY");
            Line(text, "TRIGGER:-P3D");
            Line(text, "DESCRIPTION:", e.Summary);
            Line(text, "END:VALARM");
            Line(text, "END:VEVENT");
        }

        Line(text, "END:VCALENDAR");
        return text.ToString();
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

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

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
