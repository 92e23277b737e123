using System.Globalization;

namespace Dti.Domain.Calendar;

/// <summary>Culture-independent date wording shared by calendar and deadline explanations.</summary>
internal static class CalendarText
{
    /// <summary>dd/MM/yyyy, the Vietnamese administrative date format.</summary>
    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>e.g. "Sunday 26/04/2026".</summary>
    public static string DayAndDate(DateOnly date) => $"{date.DayOfWeek} {Date(date)}";

    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
