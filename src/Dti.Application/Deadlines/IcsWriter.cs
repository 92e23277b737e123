using System.Globalization;
using System.Text;

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
        Line(text, "X-WR-CALNAME:" + Escape(calendarName));
        Line(text, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        foreach (var e in events)
        {
            Line(text, "BEGIN:VEVENT");
            Line(text, "UID:" + Escape(e.Uid));
            Line(text, "DTSTAMP:" + dtStamp);
            Line(text, "DTSTART;VALUE=DATE:" + Date(e.Date));
            Line(text, "DTEND;VALUE=DATE:" + Date(e.Date.AddDays(1)));
            Line(text, "SUMMARY:" + Escape(e.Summary));
            Line(text, "DESCRIPTION:" + Escape(e.Description));
            Line(text, "TRANSP:TRANSPARENT");
            Line(text, "BEGIN:VALARM");
            Line(text, "ACTION:DISPLAY");
            Line(text, "TRIGGER:-P3D");
            Line(text, "DESCRIPTION:" + Escape(e.Summary));
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
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    text.Append(@"\\");
                    break;
                case ';':
                    text.Append(@"\;");
                    break;
                case ',':
                    text.Append(@"\,");
                    break;
                case '\r':
                    text.Append(@"\n");
                    if (i + 1 < value.Length && value[i + 1] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\n':
                    text.Append(@"\n");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }

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
        var octets = 0;
        foreach (var rune in line.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            if (octets + rune.Utf8SequenceLength > MaxLineOctets)
            {
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(rune.ToString());
            octets += rune.Utf8SequenceLength;
        }

        return text.ToString();
    }

    private static void Line(StringBuilder text, string contentLine) => text.Append(Fold(contentLine)).Append("\r\n");

    private static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}
