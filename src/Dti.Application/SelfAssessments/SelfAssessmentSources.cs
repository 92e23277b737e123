using Dti.Application.Common.Interfaces;
using Dti.Domain.Plans;
using Dti.Domain.Reports;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.SelfAssessments;

/// <summary>What an accepted report version says about one index, with where it came from.</summary>
/// <param name="ReportId">The report.</param>
/// <param name="VersionNumber">The accepted version read.</param>
/// <param name="Revision">Its revision.</param>
/// <param name="AgencyId">The reporting (lead) agency.</param>
/// <param name="SubmittedAt">When that version was submitted.</param>
/// <param name="AcceptedAt">When it was accepted.</param>
/// <param name="ContentHash">SHA-256 of the version's canonical content.</param>
/// <param name="Entry">The entry for the index, exactly as frozen.</param>
public sealed record ReportedEntry(
    Guid ReportId, int VersionNumber, int Revision, Guid AgencyId, DateTimeOffset SubmittedAt, DateTimeOffset AcceptedAt, string ContentHash, ReportEntrySpec Entry);

/// <summary>An evidence document cited by an accepted entry: its id, kind, SHA-256 (files) or URL (links).</summary>
public sealed record CitedEvidence(Guid Id, string Kind, string? FileName, string? Sha256, string? Url);

/// <summary>
/// Everything the self-assessment reads of reports and assignments, in one place and a fixed number of statements: the
/// lead agencies of the year's issued plans, and the latest accepted version of each of their periodic and ad hoc reports
/// for the year. Contributions feed the lead, not the coordinator, and never count. An accepted report being corrected
/// (a later revision in progress) counts with its last accepted version, which still stands.
/// </summary>
internal static class SelfAssessmentSources
{
    /// <summary>Index code → the agencies that lead it under the issued plans covering <paramref name="year"/>.</summary>
    public static async Task<ILookup<string, Guid>> LeadsAsync(this IApplicationDbContext db, int year, CancellationToken cancellationToken)
    {
        var plans = db.Plans.Where(p => p.Status == PlanStatus.Issued && p.FirstAssessmentYear <= year && p.LastAssessmentYear >= year).Select(p => p.Id);
        var leads = await db.IndexAssignments.AsNoTracking()
            .Where(a => plans.Contains(a.PlanId))
            .Select(a => new { a.IndexCode, a.LeadAgencyId })
            .Distinct()
            .ToListAsync(cancellationToken);
        return leads.ToLookup(l => l.IndexCode, l => l.LeadAgencyId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Index code → what the lead agencies' accepted reports of <paramref name="year"/> say about it: of the entries giving a
    /// value or a score, the one of the version accepted last (then submitted last).
    /// </summary>
    public static async Task<Dictionary<string, ReportedEntry>> AcceptedEntriesAsync(
        this IApplicationDbContext db, int year, ILookup<string, Guid> leads, CancellationToken cancellationToken)
    {
        var reports = db.Reports.Where(r => r.AssessmentYear == year && r.Kind != ReportKind.Contribution);
        var versions = await db.ReportVersions.AsNoTracking()
            .Where(v => v.Outcome == ReportVersionOutcome.Accepted)
            .Join(reports, v => v.ReportId, r => r.Id, (v, r) => new { v.ReportId, v.Number, v.Revision, r.AgencyId, v.SubmittedAt, v.ReviewedAt, v.ContentHash, v.Content })
            .ToListAsync(cancellationToken);
        var latest = versions.GroupBy(v => v.ReportId).Select(g => g.MaxBy(v => v.Number)!)
            .OrderByDescending(v => v.ReviewedAt).ThenByDescending(v => v.SubmittedAt);
        var result = new Dictionary<string, ReportedEntry>(StringComparer.OrdinalIgnoreCase);
        foreach (var version in latest)
        {
            foreach (var entry in ReportDocument.FromJson(version.Content).Entries.Where(Says))
            {
                if (leads[entry.IndexCode].Contains(version.AgencyId))
                {
                    result.TryAdd(entry.IndexCode, new ReportedEntry(
                        version.ReportId, version.Number, version.Revision, version.AgencyId, version.SubmittedAt, version.ReviewedAt!.Value, version.ContentHash, entry));
                }
            }
        }

        return result;
    }

    /// <summary>The evidence documents <paramref name="ids"/> name, by id.</summary>
    public static async Task<Dictionary<Guid, CitedEvidence>> EvidenceAsync(this IApplicationDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? []
            : (await db.Evidence.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Kind, e.FileName, e.Sha256, e.Url }).ToListAsync(cancellationToken))
                .ToDictionary(e => e.Id, e => new CitedEvidence(e.Id, e.Kind.ToString(), e.FileName, e.Sha256, e.Url));

    private static bool Says(ReportEntrySpec entry) =>
        entry.NumericValue is not null || entry.YesNoValue is not null || entry.TextValue is not null || entry.Score is not null;
}
