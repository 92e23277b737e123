using Dti.Application.Calendar;
using Dti.Application.Common.Interfaces;
using Dti.Application.Frameworks;
using Dti.Domain.Calendar;
using Dti.Domain.Frameworks;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Common.Queries;

/// <summary>
/// The stamps <see cref="WorkingCalendarSource"/> and <see cref="GoverningFrameworkSource"/> check their copies against
/// (the stored schedules', and the frameworks governing <see cref="Year"/>), read together in one statement for a request
/// that needs both — a report's submission or edit — where each source alone reads its own. Read before either source
/// uses them, as each source reads its own stamp before its data, so a copy is never older than its stamp.
/// </summary>
/// <param name="Year">The assessment year whose governing frameworks were read.</param>
/// <param name="Schedules">Every stored official schedule, by id and version.</param>
/// <param name="Frameworks">The frameworks governing <paramref name="Year"/> (one, unless the catalogue is broken).</param>
public sealed record ReferenceStamps(int Year, IReadOnlyList<VersionStamp> Schedules, IReadOnlyList<VersionStamp> Frameworks)
{
    /// <summary>One <c>UNION ALL</c>; compiled, as a report's every submission and edit reads it.</summary>
    private static readonly CompiledPerModel<Func<DbContext, int, IAsyncEnumerable<Row>>> Rows = new(() => EF.CompileAsyncQuery(
        (DbContext context, int year) => context.Set<OfficialSchedule>()
            .Select(s => new Row { OfFramework = false, Id = s.Id, Version = s.Version })
            .Concat(context.Set<Framework>()
                .Where(f => f.FirstAssessmentYear <= year && (f.LastAssessmentYear == null || f.LastAssessmentYear >= year))
                .Select(f => new Row { OfFramework = true, Id = f.Id, Version = f.Version }))));

    /// <summary>Both sources' stamps for <paramref name="year"/>, in one statement.</summary>
    public static async Task<ReferenceStamps> ReadAsync(IApplicationDbContext db, int year, CancellationToken cancellationToken)
    {
        var context = (DbContext)db;
        var schedules = new List<VersionStamp>();
        var frameworks = new List<VersionStamp>();
        await foreach (var row in Rows.For(context)(context, year).WithCancellation(cancellationToken))
        {
            (row.OfFramework ? frameworks : schedules).Add(new VersionStamp(row.Id, row.Version));
        }

        return new ReferenceStamps(year, schedules, frameworks);
    }

    private sealed class Row
    {
        public bool OfFramework { get; init; }

        public Guid Id { get; init; }

        public int Version { get; init; }
    }
}
