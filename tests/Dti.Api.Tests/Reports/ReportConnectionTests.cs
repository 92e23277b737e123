using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Reports;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Dti.Api.Tests.Reports;

/// <summary>
/// A request holds one pooled connection from its first statement to its last (<c>OneConnectionBehaviour</c>): a
/// submission reads the report, its terms, the agency's tasks and the calendar, then saves, and each connection rented
/// anew would make PostgreSQL reset it first. Watched through EF Core's own diagnostic events, per context lease, so the
/// background work of the host (outbox, reminders) is told apart from the request.
/// </summary>
[NonParallelizable] // watches EF Core's process-wide diagnostic events: another fixture's submissions would be counted
public sealed class ReportConnectionTests(DatabaseProvider provider) : ReportFixture(provider)
{
    [Test]
    public async Task ASubmissionOpensOneConnectionForAllItsStatements()
    {
        var (submitted, submission) = await SubmitWatchedAsync();
        Assert.Multiple(() =>
        {
            Assert.That(submitted.State, Is.EqualTo("Submitted"));
            Assert.That(
                submission.Texts.Count(t => t.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)),
                Is.EqualTo(4),
                "the report; the calendar's and framework's stamps; the lead obligation; the agency's tasks");
            Assert.That(submission.Commands, Is.GreaterThan(4), "then the save");
            Assert.That(submission.Opened, Is.EqualTo(1), "one connection for every statement of the request");
        });
    }

    [Test]
    public async Task AReporterReachesAReportThroughOneReadOfIt()
    {
        var (submitted, submission) = await SubmitWatchedAsync();
        using var police = await ReporterOf(Police);
        var elsewhere = await Act(police, submitted, "withdraw");

        // The agency scope decides on the report the handler then works on: no lookup of its own, no second read. Quotes
        // dropped, the statements read alike on SQLite and PostgreSQL.
        var texts = submission.Texts.Select(t => t.Replace("\"", "", StringComparison.Ordinal)).ToList();
        var reads = texts.Count(t => Regex.IsMatch(t, @"^SELECT \w+\.Id, \w+\.AcceptedVersionNumber,"));
        var ownerLookups = texts.Count(t => Regex.IsMatch(t, @"^SELECT r\.AgencyId\s+FROM Reports"));
        Assert.Multiple(async () =>
        {
            Assert.That(submitted.State, Is.EqualTo("Submitted"));
            Assert.That(reads, Is.EqualTo(1), "the report is read once, for the scope and the handler both");
            Assert.That(ownerLookups, Is.Zero, "no lookup of the owner alone");
            await elsewhere.AssertProblem(HttpStatusCode.NotFound);
        });
    }

    [Test]
    public async Task ASubmissionChecksTheCalendarAndTheFrameworkItHoldsInOneStatement()
    {
        var (submitted, submission) = await SubmitWatchedAsync();

        // The working calendar and the governing framework are held in memory between requests and checked against their
        // stamps on every use; a submission needs both, so both stamps come in one statement.
        var stamps = submission.Texts.Where(t => t.Contains("\"OfficialSchedules\"", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(submitted.State, Is.EqualTo("Submitted"));
            Assert.That(stamps, Has.Count.EqualTo(1), "the schedules are read once");
            Assert.That(stamps[0], Does.Contain("\"Frameworks\"").And.Contain("UNION ALL"), "with the governing framework's stamp");
            Assert.That(submission.Texts.Count(t => t.Contains("\"Frameworks\"", StringComparison.Ordinal)), Is.EqualTo(1), "and nothing else reads the frameworks");
        });
    }

    [Test]
    public async Task AWithdrawalReadsTheReportWithItsLatestVersionInOneStatement()
    {
        var (submitted, _) = await SubmitWatchedAsync();

        using var watch = new ConnectionWatch();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var withdrawn = await Expect(await Act(IctReporter, submitted, "withdraw"));
        var withdrawal = watch.LeaseThatRan("UPDATE \"ReportVersions\"");

        // The version a withdrawal marks comes with the report it belongs to: one statement reads the report, its entries
        // and its latest version, and nothing reads the version again.
        var reads = withdrawal.Texts.Where(t => t.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(withdrawn.State, Is.EqualTo("Draft"));
            Assert.That(reads, Has.Count.EqualTo(1), "one read for the whole withdrawal");
            Assert.That(reads[0], Does.Contain("\"ReportEntries\"").And.Contain("\"ReportVersions\""), "the report, its entries and its latest version together");
            Assert.That(withdrawal.Opened, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ASubmissionAWithdrawalAndAnAcceptanceChangeNoIndexedColumnOfTheReport()
    {
        var (submitted, submission) = await SubmitWatchedAsync();
        Lease withdrawal, acceptance;
        Step withdrawn, accepted;
        using (var watch = new ConnectionWatch())
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            withdrawn = await Expect(await Act(IctReporter, submitted, "withdraw"));
            withdrawal = watch.LeaseThatRan("UPDATE \"ReportVersions\"");
        }

        var resubmitted = await Expect(await Act(IctReporter, withdrawn, "submit"));
        using (var watch = new ConnectionWatch())
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            accepted = await Expect(await Act(Reviewer, resubmitted, "accept"));
            acceptance = watch.LeaseThatRan("UPDATE \"Reports\"");
        }

        // Every submission, withdrawal and review updates the report's row. While no column they set is in an index of
        // the table, PostgreSQL updates the row in place (HOT) instead of writing an entry into each of its indexes.
        var set = submission.Texts.Concat(withdrawal.Texts).Concat(acceptance.Texts)
            .Select(t => Regex.Match(t, @"UPDATE ""Reports"" SET (.*?)\s+WHERE", RegexOptions.Singleline))
            .Where(m => m.Success)
            .SelectMany(m => Regex.Matches(m.Groups[1].Value, @"""(\w+)"" =").Select(c => c.Groups[1].Value))
            .ToHashSet();
        var indexed = await InDatabase(db => Task.FromResult(db.Model.FindEntityType(typeof(Report))!
            .GetIndexes().SelectMany(i => i.Properties).Select(p => p.GetColumnName()).ToHashSet()));
        Assert.Multiple(() =>
        {
            Assert.That(withdrawn.State, Is.EqualTo("Draft"));
            Assert.That(accepted.State, Is.EqualTo("Accepted"));
            Assert.That(set, Is.SupersetOf(new[] { "State", "Version", "AcceptedVersionNumber" }), "the three updates were seen");
            Assert.That(indexed, Does.Contain("AssessmentYear"), "the indexes were seen");
            Assert.That(set.Intersect(indexed), Is.Empty, "no indexed column changes");
        });
    }

    /// <summary>Sở TT&amp;TT's reporter fills and submits a draft; the submission's lease, as watched.</summary>
    private async Task<(Step Submitted, Lease Submission)> SubmitWatchedAsync()
    {
        var draft = await CreatePeriodic(IctReporter, Ict);
        var filled = await Expect(await Put(IctReporter, draft, Content(("7", 152.5m, 150m))));

        using var watch = new ConnectionWatch();
        // EF Core skips its connection events for a second after it last found nobody listening (its logging cache time).
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var submitted = await Expect(await Act(IctReporter, filled, "submit"));
        return (submitted, watch.LeaseThatRan("INSERT INTO \"ReportVersions\""));
    }

    /// <summary>Counts, per context lease, the connections EF Core opened and the commands it ran.</summary>
    private sealed class ConnectionWatch : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly ConcurrentDictionary<DbContextId, Lease> _leases = new();
        private readonly List<IDisposable> _subscriptions = [];

        public ConnectionWatch() => _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));

        public Lease LeaseThatRan(string sql) =>
            _leases.Values.Single(l => l.Texts.Any(t => t.Contains(sql, StringComparison.Ordinal)));

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            switch (value.Value)
            {
                case ConnectionEndEventData opened when value.Key == RelationalEventId.ConnectionOpened.Name && opened.Context is { } context:
                    Interlocked.Increment(ref _leases.GetOrAdd(context.ContextId, _ => new Lease()).OpenedCount);
                    break;
                case CommandExecutedEventData executed when executed.Context is { } context:
                    _leases.GetOrAdd(context.ContextId, _ => new Lease()).Texts.Add(executed.Command.CommandText);
                    break;
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }

    private sealed class Lease
    {
        public int OpenedCount;

        public ConcurrentBag<string> Texts { get; } = [];

        public int Opened => Volatile.Read(ref OpenedCount);

        public int Commands => Texts.Count;
    }
}
