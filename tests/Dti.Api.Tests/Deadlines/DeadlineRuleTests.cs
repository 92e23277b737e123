using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Dti.Infrastructure.Persistence.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Deadlines;

public sealed class DeadlineRuleTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [TestCase("annually no later than 20/12", "2026-01-01", "2026-12-31", "2026", "2026-12-21")]
    [TestCase("quarterly no later than the 25th of the last month of the quarter", "2027-07-01", "2027-09-30", "2027Q3", "2027-09-27")]
    [TestCase("annually no later than 15/01 of the following year", "2028-01-01", "2028-01-31", "2027", "2028-01-17")]
    [TestCase("monthly no later than the 15th", "2026-02-01", "2026-02-28", "2026M02", "2026-02-23")]
    [TestCase("hằng quý trước ngày 25 của tháng cuối quý", "2026-03-01", "2026-03-31", "2026Q1", "2026-03-24")]
    public async Task TheIssueExamplesGiveTheirLastAllowedDay(string text, string from, string to, string periodId, string lastAllowedDay)
    {
        var id = await CreateFromText(text);

        var result = await ReadJson(await Client.GetAsync($"/api/v1/deadline-rules/{id}/occurrences?from={from}&to={to}"));

        var occurrence = result.GetProperty("occurrences").EnumerateArray().Single(o => o.GetProperty("periodId").GetString() == periodId);
        Assert.That(occurrence.GetProperty("lastAllowedDay").GetString(), Is.EqualTo(lastAllowedDay));
        Assert.That(occurrence.GetProperty("lastAllowedInstant").GetString(), Is.EqualTo($"{lastAllowedDay}T23:59:59.9999999+07:00"));
    }

    [Test]
    public async Task AQuarterlyDeadlineOnASaturdayMovesToMondayUnderArticle148()
    {
        var id = await CreateFromText("quarterly no later than the 25th of the last month of the quarter");

        var occurrence = await Occurrence(id, "2027-09-01", "2027-09-30", "2027Q3");

        Assert.That(occurrence.GetProperty("nominalDate").GetString(), Is.EqualTo("2027-09-25"));
        Assert.That(occurrence.GetProperty("lastAllowedDay").GetString(), Is.EqualTo("2027-09-27"));
        Assert.That(Steps(occurrence), Has.Some.Contains("Saturday").And.Contains("Art. 148"));
    }

    [Test]
    public async Task AMonthlyDeadlineInsideTheOfficialTetBreakMovesToTheFirstDayBack()
    {
        var id = await CreateFromText("monthly no later than the 15th");

        var occurrence = await Occurrence(id, "2026-02-01", "2026-02-28", "2026M02");

        Assert.That(occurrence.GetProperty("lastAllowedDay").GetString(), Is.EqualTo("2026-02-23"));
        Assert.That(Steps(occurrence), Has.Some.Contains("official schedule 2026: Tết Nguyên đán Bính Ngọ"));
    }

    [Test]
    public async Task TheDecree09DataWindowOfTheFirstQuarterStartsInDecember()
    {
        var id = await CreateFromText("quarterly no later than the 25th of the last month of the quarter");

        var occurrence = await Occurrence(id, "2026-03-01", "2026-03-31", "2026Q1");

        Assert.That(occurrence.GetProperty("dataWindow").GetProperty("from").GetString(), Is.EqualTo("2025-12-15"));
        Assert.That(occurrence.GetProperty("dataWindow").GetProperty("to").GetString(), Is.EqualTo("2026-03-14"));
    }

    [Test]
    public async Task ChangingTheOfficialScheduleChangesTheDeadlines()
    {
        var id = await CreateFromText("quarterly no later than the 25th of the last month of the quarter");
        var put = await Client.PutNew(
            "/api/v1/calendar/years/2027/official-schedule",
            new { entries = new[] { new { date = "2027-09-27", kind = "DayOff", reason = "Nghỉ đột xuất" } } });
        Assert.That(put.StatusCode, Is.EqualTo(HttpStatusCode.OK), await put.Content.ReadAsStringAsync());

        var occurrence = await Occurrence(id, "2027-09-01", "2027-09-30", "2027Q3");

        Assert.That(occurrence.GetProperty("lastAllowedDay").GetString(), Is.EqualTo("2027-09-28"));
    }

    [Test]
    public async Task StatusesAreRelativeToNow()
    {
        var id = await CreateFromText("annually no later than 20/12");

        var past = await Occurrence(id, "2020-01-01", "2020-12-31", "2020");
        var future = await Occurrence(id, "2090-01-01", "2090-12-31", "2090");

        Assert.That(past.GetProperty("status").GetString(), Is.EqualTo("Overdue"));
        Assert.That(future.GetProperty("status").GetString(), Is.EqualTo("Upcoming"));
    }

    [Test]
    public async Task TextThatIsNotUnderstoodIsRefusedNamingThePart()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "quarterly sometime around the 25th" });

        var problem = await response.AssertProblem(HttpStatusCode.UnprocessableEntity, "text", "deadline-rule.text-not-understood");
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'sometime'"));
        Assert.That(await InDatabase(db => db.DeadlineRules.CountAsync()), Is.EqualTo(ReferenceDeadlineRules.All.Count));
    }

    [Test]
    public async Task AVietnameseSentenceBecomesAStructuredRuleWithBothWordings()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "hằng quý trước ngày 25 của tháng cuối quý", name = "Báo cáo quý thử nghiệm" });
        var rule = await ReadJson(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(response.Headers.Location!.ToString(), Is.EqualTo($"/api/v1/deadline-rules/{rule.GetProperty("id").GetString()}"));
        Assert.That(rule.GetProperty("name").GetString(), Is.EqualTo("Báo cáo quý thử nghiệm"));
        Assert.That(rule.GetProperty("frequency").GetString(), Is.EqualTo("Quarterly"));
        Assert.That(rule.GetProperty("boundary").GetString(), Is.EqualTo("Before"));
        Assert.That(rule.GetProperty("due").GetProperty("kind").GetString(), Is.EqualTo("DayOfLastMonth"));
        Assert.That(rule.GetProperty("due").GetProperty("day").GetInt32(), Is.EqualTo(25));
        Assert.That(rule.GetProperty("textVi").GetString(), Does.StartWith("hằng quý trước ngày 25"));
        Assert.That(rule.GetProperty("textEn").GetString(), Does.StartWith("quarterly before the 25th"));
    }

    [Test]
    public async Task AStructuredRuleIsStoredAndReadBack()
    {
        var created = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new
        {
            name = "Báo cáo tháng",
            frequency = "Monthly",
            due = new { kind = "WorkingDaysAfterCutoff", workingDays = 3 },
            boundary = "NoLaterThan",
            adjustment = "None",
            legalBasis = new { documentNumber = "09/2019/NĐ-CP", issuedOn = "2019-01-24" },
        });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());

        var read = await Client.GetAsync(created.Headers.Location);
        var rule = await ReadJson(read);

        Assert.That(read.Headers.ETag, Is.EqualTo(created.Headers.ETag));
        Assert.That(rule.GetProperty("cutoff").GetString(), Is.EqualTo("Decree09"));
        Assert.That(rule.GetProperty("adjustment").GetString(), Is.EqualTo("None"));
        Assert.That(rule.GetProperty("due").GetProperty("workingDays").GetInt32(), Is.EqualTo(3));
        Assert.That(rule.GetProperty("legalBasis").GetProperty("issuedOn").GetString(), Is.EqualTo("2019-01-24"));
        Assert.That(rule.GetProperty("textEn").GetString(), Does.Contain("3 working days after the cut-off").And.Contain("09/2019/NĐ-CP"));
    }

    [Test]
    public async Task AOneOffRuleIsDueOnItsExplicitDate()
    {
        var created = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new
        {
            name = "Báo cáo đột xuất",
            frequency = "OneOff",
            due = new { kind = "ExplicitDate", date = "2026-06-30" },
            boundary = "NoLaterThan",
        });
        var id = (await ReadJson(created)).GetProperty("id").GetString()!;

        var occurrence = await Occurrence(id, "2026-01-01", "2026-12-31", "2026X1");

        Assert.That(occurrence.GetProperty("lastAllowedDay").GetString(), Is.EqualTo("2026-06-30"));
        Assert.That(occurrence.GetProperty("lastAllowedInstant").GetString(), Is.EqualTo("2026-06-30T23:59:59.9999999+07:00"));
    }

    [Test]
    public async Task TextAndStructuredPartsTogetherAreInvalid() =>
        await (await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "annually before 20/12", frequency = "Annual" }))
            .AssertProblem(HttpStatusCode.BadRequest, "frequency");

    [Test]
    public async Task AStructuredRuleNeedsItsParts() =>
        await (await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { name = "x", frequency = "Annual", due = new { kind = "FixedDate", day = 20 } }))
            .AssertProblem(HttpStatusCode.BadRequest, "due.month");

    [Test]
    public async Task AnAnchorThatDoesNotFitTheFrequencyBreaksADomainRule() =>
        await (await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { name = "x", frequency = "Monthly", boundary = "Before", due = new { kind = "FixedDate", day = 20, month = 12 } }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "due", "deadline-rule.fixed-date-needs-annual");

    [Test]
    public async Task ParsingReturnsTheRuleAndStoresNothing()
    {
        var response = await Client.PostAsJsonAsync("/api/v1/deadline-rules/parse", new { text = "hằng năm chậm nhất ngày 15/01 năm sau; căn cứ: 2351/UBND-KSTT ngày 16/11/2023" });
        var result = await ReadJson(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var parsed = result.GetProperty("rules").EnumerateArray().Single();
        Assert.That(result.GetProperty("adHocReportsAlsoRequired").GetBoolean(), Is.False);
        Assert.That(parsed.GetProperty("due").GetProperty("followingYear").GetBoolean(), Is.True);
        Assert.That(parsed.GetProperty("boundary").GetString(), Is.EqualTo("NoLaterThan"));
        Assert.That(parsed.GetProperty("legalBasis").GetProperty("documentNumber").GetString(), Is.EqualTo("2351/UBND-KSTT"));
        Assert.That(parsed.GetProperty("textEn").GetString(), Does.Contain("15/01 of the following year"));
        Assert.That(parsed.GetProperty("textVi").GetString(), Does.Contain("15/01 năm sau"));
        Assert.That(await InDatabase(db => db.DeadlineRules.CountAsync()), Is.EqualTo(ReferenceDeadlineRules.All.Count));
    }

    [Test]
    public async Task ThePlan170SentenceGivesTheQuarterlyAndAnnualRulesAndAdHocReportsWithASamplePeriodEach()
    {
        var response = await Client.PostAsJsonAsync(
            "/api/v1/deadline-rules/parse",
            new { text = "đột xuất, định kỳ hàng quý (trước ngày 25 tháng cuối quý) và hàng năm (trước ngày 20/12)", sampleFrom = "2026-01-01" });
        var result = await ReadJson(response);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), result.ToString());
        var rules = result.GetProperty("rules").EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(result.GetProperty("adHocReportsAlsoRequired").GetBoolean(), Is.True);
            Assert.That(rules.Select(r => r.GetProperty("frequency").GetString()), Is.EqualTo(new[] { "Quarterly", "Annual" }));
            Assert.That(rules.Select(r => r.GetProperty("textVi").GetString()![..r.GetProperty("textVi").GetString()!.IndexOf(';', StringComparison.Ordinal)]), Is.EqualTo(new[]
            {
                "hằng quý trước ngày 25 của tháng cuối quý",
                "hằng năm trước ngày 20/12",
            }));
            Assert.That(rules.Select(r => r.GetProperty("sample").GetProperty("periodId").GetString()), Is.EqualTo(new[] { "2026Q1", "2026" }));
            Assert.That(rules.Select(r => r.GetProperty("sample").GetProperty("lastAllowedDay").GetString()), Is.EqualTo(new[] { "2026-03-24", "2026-12-21" }));
            Assert.That(Steps(rules[1].GetProperty("sample")), Has.Some.Contains("Saturday").And.Contains("Art. 148"));
        });
    }

    [Test]
    public async Task CreatingFromASentenceWithSeveralRulesSaysHowToPick()
    {
        var problem = await (await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "hàng quý (trước ngày 25 tháng cuối quý) và hàng năm (trước ngày 20/12)" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "text", "deadline-rule.several-rules");

        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'hằng quý trước ngày 25 của tháng cuối quý'").And.Contain("'hằng năm trước ngày 20/12'"));
        Assert.That(await InDatabase(db => db.DeadlineRules.CountAsync()), Is.EqualTo(ReferenceDeadlineRules.All.Count));
    }

    [Test]
    public async Task AMisspeltWordIsQuotedWithItsPositionAndTheNearestKnownPhrases()
    {
        var problem = await (await Client.PostAsJsonAsync("/api/v1/deadline-rules/parse", new { text = "hằng quí trước ngày 25" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "text", "deadline-rule.text-not-understood");

        Assert.That(problem.GetProperty("detail").GetString(), Does.StartWith("Could not understand 'hằng' at position 0; did you mean 'hằng quý'"));
    }

    [Test]
    public async Task RulesDueAfterThePeriodOrAtAnHourAreStoredAndComputed()
    {
        var monthly = await CreateFromText("within 3 working days after the end of each month");
        var atFour = await CreateFromText("trước 16 giờ ngày 15/12");
        var structured = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new
        {
            name = "Quý — tháng sau",
            frequency = "Quarterly",
            due = new { kind = "DayOfMonthAfter", day = 15, monthsAfter = 1 },
            boundary = "Before",
        });
        var quarterly = await ReadJson(structured);
        Assert.That(structured.StatusCode, Is.EqualTo(HttpStatusCode.Created), quarterly.ToString());

        var monthlyRule = await ReadJson(await Client.GetAsync($"/api/v1/deadline-rules/{monthly}"));
        var atFourRule = await ReadJson(await Client.GetAsync($"/api/v1/deadline-rules/{atFour}"));
        var january = await Occurrence(monthly, "2026-02-01", "2026-02-28", "2026M01");
        var december = await Occurrence(atFour, "2026-12-01", "2026-12-31", "2026");
        var firstQuarter = await Occurrence(quarterly.GetProperty("id").GetString()!, "2026-04-01", "2026-04-30", "2026Q1");
        Assert.Multiple(() =>
        {
            Assert.That(monthlyRule.GetProperty("due").GetProperty("kind").GetString(), Is.EqualTo("DaysAfter"));
            Assert.That(monthlyRule.GetProperty("due").GetProperty("days").GetInt32(), Is.EqualTo(3));
            Assert.That(monthlyRule.GetProperty("due").GetProperty("dayCount").GetString(), Is.EqualTo("WorkingDays"));
            Assert.That(monthlyRule.GetProperty("due").GetProperty("countedFrom").GetString(), Is.EqualTo("PeriodEnd"));
            Assert.That(january.GetProperty("lastAllowedDay").GetString(), Is.EqualTo("2026-02-04"), "31/01 is a Saturday, not counted; 2, 3 and 4 February");
            Assert.That(Steps(january), Has.Some.Contains("Art. 147"));
            Assert.That(atFourRule.GetProperty("timeOfDay").GetString(), Is.EqualTo("16:00:00"));
            Assert.That(atFourRule.GetProperty("boundary").GetString(), Is.EqualTo("NoLaterThan"));
            Assert.That(december.GetProperty("lastAllowedInstant").GetDateTimeOffset(), Is.EqualTo(new DateTimeOffset(2026, 12, 15, 16, 0, 0, TimeSpan.FromHours(7))));
            Assert.That(quarterly.GetProperty("textVi").GetString(), Does.StartWith("hằng quý trước ngày 15 của tháng sau;"));
            Assert.That(firstQuarter.GetProperty("lastAllowedDay").GetString(), Is.EqualTo("2026-04-14"));
        });
    }

    [Test]
    public async Task TheShippedRulesKeepTheirStoredWording()
    {
        var rules = await InDatabase(db => db.DeadlineRules.OrderBy(r => r.Name).Select(r => new { r.Name, r.TextVi, r.TextEn, r.DueTime, r.DueMonthsAfter, r.DueDays }).ToListAsync());

        Assert.That(rules.Select(r => (r.Name, r.TextVi, r.TextEn)), Is.EquivalentTo(new[]
        {
            (ReferenceDeadlineRules.QuangTriQuarterlyName,
                "hằng quý trước ngày 25 của tháng cuối quý; nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo; chốt số liệu theo Nghị định 09/2019; căn cứ: 170/KH-UBND ngày 11/08/2023",
                "quarterly before the 25th of the last month of the quarter; moved to the next working day when it falls on a day off; data cut-off per Decree 09/2019; legal basis: 170/KH-UBND of 11/08/2023"),
            (ReferenceDeadlineRules.QuangTriAnnualName,
                "hằng năm trước ngày 20/12; nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo; chốt số liệu theo Nghị định 09/2019; căn cứ: 170/KH-UBND ngày 11/08/2023",
                "annually before 20/12; moved to the next working day when it falls on a day off; data cut-off per Decree 09/2019; legal basis: 170/KH-UBND of 11/08/2023"),
            (ReferenceDeadlineRules.QuangBinhSelfAssessmentName,
                "hằng năm trước ngày 15/01 năm sau; nếu trùng ngày nghỉ thì chuyển sang ngày làm việc tiếp theo; số liệu theo kỳ dương lịch; căn cứ: 2351/UBND-KSTT ngày 16/11/2023",
                "annually before 15/01 of the following year; moved to the next working day when it falls on a day off; data by calendar period; legal basis: 2351/UBND-KSTT of 16/11/2023"),
        }));
        Assert.That(rules.Select(r => (r.DueTime, r.DueMonthsAfter, r.DueDays)), Has.All.EqualTo(((TimeOnly?)null, (int?)null, (int?)null)));
    }

    [Test]
    public async Task ParsingNonsenseIsRefusedNamingThePart() =>
        await (await Client.PostAsJsonAsync("/api/v1/deadline-rules/parse", new { text = "weekly before friday" }))
            .AssertProblem(HttpStatusCode.UnprocessableEntity, "text", "deadline-rule.text-not-understood");

    [Test]
    public async Task UpdatingWithAStaleETagIs412AndChangesNothing()
    {
        var created = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "annually before 20/12", name = "Năm" });
        var location = created.Headers.Location!;
        var etag = created.Headers.ETag!;

        var first = await Send(HttpMethod.Put, location, etag, new { text = "annually no later than 20/12", name = "Năm" });
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK), await first.Content.ReadAsStringAsync());
        Assert.That((await ReadJson(first)).GetProperty("boundary").GetString(), Is.EqualTo("NoLaterThan"));

        var second = await Send(HttpMethod.Put, location, etag, new { text = "annually no later than 25/12", name = "Năm" });
        await second.AssertProblem(HttpStatusCode.PreconditionFailed, rule: "version.stale");
        Assert.That((await ReadJson(await Client.GetAsync(location))).GetProperty("due").GetProperty("day").GetInt32(), Is.EqualTo(20));
    }

    [Test]
    public async Task ADeletedRuleIsGone()
    {
        var created = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "annually before 20/12" });

        var location = created.Headers.Location!.ToString();

        Assert.That((await Client.SendWithIfMatch(HttpMethod.Delete, location, null, created.Headers.ETag!.ToString())).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await (await Client.GetAsync(location)).AssertProblem(HttpStatusCode.NotFound);
        await (await Client.SendWithIfMatch(HttpMethod.Delete, location, null, created.Headers.ETag!.ToString())).AssertProblem(HttpStatusCode.NotFound);
    }

    [Test]
    public async Task RuleNamesAreUnique() =>
        await (await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text = "annually before 20/12", name = ReferenceDeadlineRules.QuangTriAnnualName }))
            .AssertProblem(HttpStatusCode.Conflict, "name", "deadline-rule.name-taken");

    [Test]
    public async Task TheReferenceRulesShipWithTheirLegalBasis()
    {
        var list = await ReadJson(await Client.GetAsync("/api/v1/deadline-rules?frequency=Annual"));

        var rules = list.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.That(rules.Keys, Is.EquivalentTo(new[] { ReferenceDeadlineRules.QuangTriAnnualName, ReferenceDeadlineRules.QuangBinhSelfAssessmentName }));
        Assert.That(rules[ReferenceDeadlineRules.QuangTriAnnualName].GetProperty("legalBasis").GetProperty("documentNumber").GetString(), Is.EqualTo("170/KH-UBND"));
        Assert.That(rules[ReferenceDeadlineRules.QuangTriAnnualName].GetProperty("legalBasis").GetProperty("issuedOn").GetString(), Is.EqualTo("2023-08-11"));
        Assert.That(rules[ReferenceDeadlineRules.QuangBinhSelfAssessmentName].GetProperty("legalBasis").GetProperty("issuedOn").GetString(), Is.EqualTo("2023-11-16"));
        Assert.That(rules[ReferenceDeadlineRules.QuangBinhSelfAssessmentName].GetProperty("textEn").GetString(), Does.StartWith("annually before 15/01 of the following year"));

        var quarterly = await ReadJson(await Client.GetAsync("/api/v1/deadline-rules?frequency=Quarterly"));
        Assert.That(quarterly.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { ReferenceDeadlineRules.QuangTriQuarterlyName }));
    }

    [Test]
    public async Task TheQuangBinhSelfAssessmentFor2026IsDueBefore15January2027()
    {
        var id = await InDatabase(db => db.DeadlineRules.Where(r => r.Name == ReferenceDeadlineRules.QuangBinhSelfAssessmentName).Select(r => r.Id).SingleAsync());

        var occurrence = await Occurrence(id.ToString(), "2027-01-01", "2027-01-31", "2026");

        Assert.That(occurrence.GetProperty("lastAllowedDay").GetString(), Is.EqualTo("2027-01-14"));
        Assert.That(occurrence.GetProperty("dataWindow").GetProperty("from").GetString(), Is.EqualTo("2026-01-01"));
    }

    [TestCase("from=2026-01-01&to=2046-01-01", "to")]
    [TestCase("from=2026-12-31&to=2026-01-01", "to")]
    [TestCase("from=1980-01-01&to=1990-01-01", "from")]
    [TestCase("to=2026-01-01", "from")]
    public async Task ARangeThatIsTooLongOrUpsideDownIsRejected(string query, string field)
    {
        var id = await CreateFromText("annually before 20/12");

        await (await Client.GetAsync($"/api/v1/deadline-rules/{id}/occurrences?{query}")).AssertProblem(HttpStatusCode.BadRequest, field);
    }

    [Test]
    public async Task OccurrencesOfAnUnknownRuleAreNotFound() =>
        await (await Client.GetAsync($"/api/v1/deadline-rules/{Guid.NewGuid()}/occurrences?from=2026-01-01&to=2026-12-31")).AssertProblem(HttpStatusCode.NotFound);

    [Test]
    public async Task TheCalendarFileHasOneAllDayEventPerDeadline()
    {
        var id = await CreateFromText("quarterly no later than the 25th of the last month of the quarter", "Báo cáo chuyển đổi số hằng quý của các sở, ban, ngành và UBND cấp huyện");

        var response = await Client.GetAsync($"/api/v1/deadline-rules/{id}/calendar.ics?from=2027-01-01&to=2027-12-31");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/calendar"));
        Assert.That(text, Does.StartWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n").And.EndWith("END:VCALENDAR\r\n"));
        var unfolded = text.Replace("\r\n ", string.Empty, StringComparison.Ordinal);
        Assert.That(unfolded.Split("\r\n").Count(l => l == "BEGIN:VEVENT"), Is.EqualTo(4));
        Assert.That(unfolded, Does.Contain("DTSTART;VALUE=DATE:20270927\r\n").And.Contain("TRIGGER:-P3D\r\n").And.Contain($"UID:{Guid.Parse(id):N}-2027Q3@dti-api\r\n"));
        Assert.That(unfolded, Does.Contain("SUMMARY:Báo cáo chuyển đổi số hằng quý của các sở\\, ban\\, ngành và UBND cấp huyện — 2027Q3"));
        Assert.That(text.Split("\r\n").Select(l => Encoding.UTF8.GetByteCount(l)), Has.All.LessThanOrEqualTo(75));
    }

    private async Task<string> CreateFromText(string text, string? name = null)
    {
        var response = await Client.PostAsJsonAsync("/api/v1/deadline-rules", new { text, name });
        var body = await ReadJson(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    private async Task<JsonElement> Occurrence(string id, string from, string to, string periodId)
    {
        var response = await Client.GetAsync($"/api/v1/deadline-rules/{id}/occurrences?from={from}&to={to}");
        var result = await ReadJson(response);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), result.ToString());
        return result.GetProperty("occurrences").EnumerateArray().Single(o => o.GetProperty("periodId").GetString() == periodId);
    }

    private static IEnumerable<string?> Steps(JsonElement occurrence) => occurrence.GetProperty("steps").EnumerateArray().Select(s => s.GetString());

    private async Task<HttpResponseMessage> Send(HttpMethod method, Uri location, EntityTagHeaderValue etag, object body)
    {
        using var request = new HttpRequestMessage(method, location) { Content = JsonContent.Create(body) };
        request.Headers.IfMatch.Add(etag);
        return await Client.SendAsync(request);
    }
}
