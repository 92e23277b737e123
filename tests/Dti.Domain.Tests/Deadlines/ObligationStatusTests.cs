using Dti.Domain.Calendar;
using Dti.Domain.Deadlines;

namespace Dti.Domain.Tests.Deadlines;

public sealed class ObligationStatusTests
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    [TestCase("2026-12-21T23:59:59", "2026-12-22T00:00:00", 5, ObligationStatus.Overdue)]
    [TestCase("2026-12-21T23:59:59", "2026-12-21T23:59:00", 5, ObligationStatus.DueSoon)]
    [TestCase("2026-12-21T23:59:59", "2026-12-21T08:00:00", 0, ObligationStatus.DueSoon)]
    [TestCase("2026-12-21T23:59:59", "2026-12-18T08:00:00", 0, ObligationStatus.Upcoming)]
    [TestCase("2026-12-21T23:59:59", "2026-12-14T08:00:00", 5, ObligationStatus.DueSoon)]
    [TestCase("2026-12-21T23:59:59", "2026-12-13T08:00:00", 5, ObligationStatus.Upcoming)]
    [TestCase("2026-12-21T23:59:59", "2026-12-11T08:00:00", 5, ObligationStatus.Upcoming)]
    [TestCase("2026-12-21T23:59:59", "2025-12-21T08:00:00", 60, ObligationStatus.Upcoming)]
    public void StatusDependsOnWorkingDaysLeft(string lastAllowed, string now, int dueSoonWorkingDays, ObligationStatus expected)
    {
        var status = ObligationStatuses.Of(Local(lastAllowed), Local(now), dueSoonWorkingDays, WorkingCalendar.Default);

        Assert.That(status, Is.EqualTo(expected));
    }

    [Test]
    public void TheOfficialTetBreakDoesNotCountTowardsDueSoon()
    {
        // Friday 13/02/2026; 14/02–22/02 is the official Tết break, so 23/02 is the first working day after it
        // and 27/02 the fifth: a deadline on 27/02 is already due soon on 13/02, one on 02/03 is not.
        var now = Local("2026-02-13T09:00:00");

        Assert.Multiple(() =>
        {
            Assert.That(ObligationStatuses.Of(DeadlineCalculator.EndOfDay(new DateOnly(2026, 2, 27)), now, 5, WorkingCalendar.Default), Is.EqualTo(ObligationStatus.DueSoon));
            Assert.That(ObligationStatuses.Of(DeadlineCalculator.EndOfDay(new DateOnly(2026, 3, 2)), now, 5, WorkingCalendar.Default), Is.EqualTo(ObligationStatus.Upcoming));
        });
    }

    [Test]
    public void NowIsReadInVietnamTime()
    {
        // 17:30 UTC on 21/12 is already 00:30 on 22/12 in Hà Nội: a deadline ending 21/12 has passed.
        var now = new DateTimeOffset(2026, 12, 21, 17, 30, 0, TimeSpan.Zero);

        Assert.That(ObligationStatuses.Of(DeadlineCalculator.EndOfDay(new DateOnly(2026, 12, 21)), now, 5, WorkingCalendar.Default), Is.EqualTo(ObligationStatus.Overdue));
    }

    [Test]
    public void ANegativeHorizonIsAProgrammingError() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ObligationStatuses.Of(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, -1, WorkingCalendar.Default));

    private static DateTimeOffset Local(string text) =>
        new(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), Vietnam);
}
