using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Calendar;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Calendar;

public sealed class WorkingCalendarTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task ADayOfTheOfficialTetBreakIsNotAWorkingDayAndSaysWhy()
    {
        var day = await ReadJson(await Client.GetAsync("/api/v1/calendar/days/2026-02-16"));

        Assert.That(day.GetProperty("isWorkingDay").GetBoolean(), Is.False);
        Assert.That(day.GetProperty("dayOfWeek").GetString(), Is.EqualTo("Monday"));
        Assert.That(day.GetProperty("officialScheduleApplies").GetBoolean(), Is.True);
        Assert.That(day.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Has.Some.Contains("official schedule 2026: Tết Nguyên đán Bính Ngọ"));
    }

    [Test]
    public async Task ASaturdaySwappedIntoAWorkingDayIsAWorkingDay()
    {
        var day = await ReadJson(await Client.GetAsync("/api/v1/calendar/days/2026-01-10"));

        Assert.That(day.GetProperty("isWorkingDay").GetBoolean(), Is.True);
        Assert.That(day.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Has.Some.Contains("weekly day off").And.Some.Contains("working day swapped"));
    }

    [Test]
    public async Task AYearWithoutOfficialScheduleHasTheLabourCodeHolidays()
    {
        var year = await ReadJson(await Client.GetAsync("/api/v1/calendar/years/2027/holidays"));

        Assert.That(year.GetProperty("officialScheduleApplies").GetBoolean(), Is.False);
        var holidays = year.GetProperty("holidays").EnumerateArray().ToList();
        var tet = holidays.Single(h => h.GetProperty("date").GetString() == "2027-02-06");
        Assert.That(tet.GetProperty("source").GetString(), Is.EqualTo("Statutory"));
        Assert.That(holidays.Select(h => h.GetProperty("source").GetString()), Does.Contain("Compensatory"));
        Assert.That(year.GetProperty("workingWeekendDays").GetArrayLength(), Is.Zero);
    }

    [Test]
    public async Task TheOfficialScheduleOfAYearListsItsSwappedWorkingDays()
    {
        var year = await ReadJson(await Client.GetAsync("/api/v1/calendar/years/2026/holidays"));

        Assert.That(year.GetProperty("officialScheduleApplies").GetBoolean(), Is.True);
        Assert.That(year.GetProperty("holidays").EnumerateArray().Select(h => h.GetProperty("source").GetString()).Distinct(), Is.EqualTo(new[] { "OfficialSchedule" }));
        Assert.That(year.GetProperty("workingWeekendDays").EnumerateArray().Select(d => d.GetProperty("date").GetString()), Is.EqualTo(new[] { "2026-01-10" }));
    }

    [TestCase("2101-01-01")]
    [TestCase("1989-12-31")]
    [TestCase("2026-13-01")]
    [TestCase("yesterday")]
    public async Task ADayOutsideTheCalendarOrNotADateIsRejected(string date) =>
        await (await Client.GetAsync($"/api/v1/calendar/days/{date}")).AssertProblem(HttpStatusCode.BadRequest, "date");

    [Test]
    public async Task AYearOutsideTheCalendarIsRejected() =>
        await (await Client.GetAsync("/api/v1/calendar/years/2101/holidays")).AssertProblem(HttpStatusCode.BadRequest, "year");

    [Test]
    public async Task TheShippedOfficialSchedulesAreReferenceData()
    {
        var response = await Client.GetAsync("/api/v1/calendar/years/2026/official-schedule");
        var schedule = await ReadJson(response);

        Assert.That(response.Headers.ETag, Is.Not.Null);
        Assert.That(schedule.GetProperty("entries").GetArrayLength(), Is.EqualTo(OfficialSchedules.All.Count(e => e.Date.Year == 2026)));
        await (await Client.GetAsync("/api/v1/calendar/years/2027/official-schedule")).AssertProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task ACoordinatorAddingAScheduleFor2027ChangesTheAnswers()
    {
        Assert.That((await Day("2027-03-01")).GetProperty("isWorkingDay").GetBoolean(), Is.True);
        Assert.That((await Day("2027-01-01")).GetProperty("isWorkingDay").GetBoolean(), Is.False);

        var put = await Client.PutNew("/api/v1/calendar/years/2027/official-schedule", Schedule(("2027-03-01", "DayOff", "Ngày nghỉ thử nghiệm"), ("2027-02-27", "WorkingDay", "làm bù")));
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());

        var march = await Day("2027-03-01");
        Assert.That(march.GetProperty("isWorkingDay").GetBoolean(), Is.False);
        Assert.That(march.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()), Has.Some.Contains("official schedule 2027: Ngày nghỉ thử nghiệm"));
        Assert.That((await Day("2027-02-27")).GetProperty("isWorkingDay").GetBoolean(), Is.True);
        Assert.That((await Day("2027-01-01")).GetProperty("isWorkingDay").GetBoolean(), Is.True, "a schedule replaces the computed holidays of its year");

        var delete = await Client.SendCurrent(HttpMethod.Delete, "/api/v1/calendar/years/2027/official-schedule");
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await Day("2027-03-01")).GetProperty("isWorkingDay").GetBoolean(), Is.True);
        Assert.That((await Day("2027-01-01")).GetProperty("isWorkingDay").GetBoolean(), Is.False);
    }

    [Test]
    public async Task AScheduleWithADateOutsideItsYearIsRefusedAndNothingChanges()
    {
        var before = await Client.GetAsync("/api/v1/calendar/years/2026/official-schedule");
        var beforeBody = await before.Content.ReadAsStringAsync();

        var put = await Client.SendCurrent(HttpMethod.Put, "/api/v1/calendar/years/2026/official-schedule", Schedule(("2026-01-01", "DayOff", "Tết Dương lịch"), ("2027-01-01", "DayOff", "Tết Dương lịch")));

        await put.AssertProblem(HttpStatusCode.UnprocessableEntity, "entries[1].date", "official-schedule.invalid");
        var after = await Client.GetAsync("/api/v1/calendar/years/2026/official-schedule");
        Assert.That(after.Headers.ETag, Is.EqualTo(before.Headers.ETag));
        Assert.That(await after.Content.ReadAsStringAsync(), Is.EqualTo(beforeBody));
    }

    [Test]
    public async Task ASwappedWorkingDayMustBeAWeekendDay() =>
        await (await Client.PutNew("/api/v1/calendar/years/2027/official-schedule", Schedule(("2027-03-01", "WorkingDay", "làm bù"))))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "entries[0].kind", "official-schedule.invalid");

    [Test]
    public async Task AnEntryWithoutReasonIsInvalid() =>
        await (await Client.PutNew("/api/v1/calendar/years/2027/official-schedule", Schedule(("2027-03-01", "DayOff", " "))))
            .AssertProblem(HttpStatusCode.BadRequest, "entries[0].reason");

    [Test]
    public async Task AStaleETagIsRefusedWith412()
    {
        var read = await Client.GetAsync("/api/v1/calendar/years/2026/official-schedule");
        var etag = read.Headers.ETag!;

        var first = await Put(2026, etag, Schedule(("2026-01-01", "DayOff", "Tết Dương lịch")));
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        Assert.That(first.Headers.ETag, Is.Not.EqualTo(etag));

        var second = await Put(2026, etag, Schedule(("2026-01-02", "DayOff", "Nghỉ bù")));
        await second.AssertProblem(HttpStatusCode.PreconditionFailed, rule: "version.stale");
        var stored = await ReadJson(await Client.GetAsync("/api/v1/calendar/years/2026/official-schedule"));
        Assert.That(stored.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("date").GetString()), Is.EqualTo(new[] { "2026-01-01" }));
    }

    [Test]
    public async Task ADeletedShippedScheduleStaysDeletedWhenReferenceDataIsLoadedAgain()
    {
        Assert.That((await Client.SendCurrent(HttpMethod.Delete, "/api/v1/calendar/years/2025/official-schedule")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));

        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
        }

        await (await Client.GetAsync("/api/v1/calendar/years/2025/official-schedule")).AssertProblem(HttpStatusCode.NotFound);
        Assert.That(await InDatabase(db => db.OfficialSchedules.CountAsync()), Is.EqualTo(1));
        Assert.That((await ReadJson(await Client.GetAsync("/api/v1/calendar/years/2025/holidays"))).GetProperty("officialScheduleApplies").GetBoolean(), Is.False);
    }

    [Test]
    public async Task LoadingReferenceDataTwiceChangesNothing()
    {
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
        }

        Assert.That(await InDatabase(db => db.OfficialSchedules.CountAsync()), Is.EqualTo(2));
        Assert.That(await InDatabase(db => db.DeadlineRules.CountAsync()), Is.EqualTo(ReferenceDeadlineRules.All.Count));
    }

    private static object Schedule(params (string Date, string Kind, string Reason)[] entries) =>
        new { entries = entries.Select(e => new { date = e.Date, kind = e.Kind, reason = e.Reason }).ToArray() };

    private async Task<HttpResponseMessage> Put(int year, EntityTagHeaderValue etag, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/calendar/years/{year}/official-schedule") { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(etag);
        return await Client.SendAsync(request);
    }

    private async Task<System.Text.Json.JsonElement> Day(string date) => await ReadJson(await Client.GetAsync($"/api/v1/calendar/days/{date}"));
}
