using System.Globalization;
using Dti.Application.Common.Csv;
using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Frameworks;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;
using FluentValidation;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.SelfAssessments.Queries.CompareWithMinistry;

/// <summary>
/// A snapshot revision's self-assessed numbers beside the ministry's appraised and final ones, index by index, with the
/// differences and the DTI of each column (scored as the self-assessment is). The ministry's columns are empty until its
/// numbers are imported.
/// </summary>
public sealed record CompareWithMinistryQuery(int Year, int Revision) : IRequest<MinistryComparisonDto>;

public sealed class CompareWithMinistryValidator : AbstractValidator<CompareWithMinistryQuery>
{
    public CompareWithMinistryValidator()
    {
        RuleFor(q => q.Year).InclusiveBetween(FrameworkLimits.FirstSupportedYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.Revision).InclusiveBetween(1, SelfAssessmentLimits.MaxRevision);
    }
}

public sealed class CompareWithMinistryHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<CompareWithMinistryQuery, MinistryComparisonDto>
{
    public async Task<MinistryComparisonDto> Handle(CompareWithMinistryQuery request, CancellationToken cancellationToken)
    {
        var snapshot = await db.SelfAssessmentSnapshots.AsNoTracking()
            .Where(s => s.AssessmentYear == request.Year && s.Revision == request.Revision)
            .Select(s => new { s.Document, s.Sha256, s.SelfAssessmentId })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Snapshot", string.Create(CultureInfo.InvariantCulture, $"{request.Year} revision {request.Revision}"));
        var frameworkId = await db.SelfAssessments.AsNoTracking().Where(a => a.Id == snapshot.SelfAssessmentId).Select(a => a.FrameworkId).SingleAsync(cancellationToken);
        var framework = await db.Frameworks.AsNoTracking().WithTree().SingleAsync(f => f.Id == frameworkId, cancellationToken);
        var set = await db.MinistryFigureSets.AsNoTracking().Include(s => s.Figures)
            .SingleOrDefaultAsync(s => s.AssessmentYear == request.Year && s.Revision == request.Revision, cancellationToken);
        return MinistryComparison.Of(request.Year, request.Revision, framework, snapshot.Sha256, SnapshotDocument.Read(snapshot.Document).Indices, set, config);
    }
}

/// <summary>Puts the three columns side by side and scores each with <see cref="ColumnScoring"/>.</summary>
internal static class MinistryComparison
{
    public static MinistryComparisonDto Of(
        int year, int revision, Framework framework, string sha256, IReadOnlyList<SnapshotRow> rows, MinistryFigureSet? set, TypeAdapterConfig config)
    {
        var figures = (set?.Figures ?? []).ToDictionary(f => f.IndexCode, StringComparer.OrdinalIgnoreCase);
        var indices = rows.Select(row =>
        {
            var self = new ComparedFiguresDto(row.Value, row.Score);
            var ministry = figures.GetValueOrDefault(row.Code);
            var appraised = Pair(ministry?.AppraisedValue, ministry?.AppraisedScore);
            var final = Pair(ministry?.FinalValue, ministry?.FinalScore);
            return new IndexComparisonDto(row.Code, row.Level, row.MainIndexCode, row.NameVi, row.MaxPoints, self, appraised, final, Difference(appraised, self), Difference(final, self));
        }).ToList();

        var selfTotal = Total(framework, rows, indices, i => i.SelfAssessed);
        var appraisedTotal = Total(framework, rows, indices, i => i.Appraised);
        var finalTotal = Total(framework, rows, indices, i => i.Final);
        return new MinistryComparisonDto(
            year,
            revision,
            framework.Code,
            sha256,
            set?.Adapt<MinistryFiguresSourceDto>(config),
            new ComparisonTotalsDto(selfTotal, appraisedTotal, finalTotal, TotalDifference(appraisedTotal, selfTotal), TotalDifference(finalTotal, selfTotal)),
            indices);
    }

    private static ComparedFiguresDto? Pair(decimal? value, decimal? score) => value is null && score is null ? null : new(value, score);

    private static FigureDifferenceDto? Difference(ComparedFiguresDto? ministry, ComparedFiguresDto self) =>
        ministry is null ? null : new(ministry.Value - self.Value, ministry.Score - self.Score);

    private static DtiTotalDto Total(Framework framework, IReadOnlyList<SnapshotRow> rows, List<IndexComparisonDto> indices, Func<IndexComparisonDto, ComparedFiguresDto?> column)
    {
        var score = ColumnScoring.Score(framework, indices.Select((i, n) => new IndexFigures(i.Code, i.Level, rows[n].MaxPoints, column(i)?.Value, column(i)?.Score)));
        var complete = score.UnvaluedScoredMainIndices == 0;
        return new DtiTotalDto(complete, score.UnvaluedScoredMainIndices, complete ? score.Value : null, complete ? score.Points : null);
    }

    private static FigureDifferenceDto? TotalDifference(DtiTotalDto ministry, DtiTotalDto self) =>
        ministry.Complete && self.Complete ? new(ministry.Value - self.Value, ministry.Points - self.Points) : null;
}

/// <summary>The comparison as CSV: one row per index, UTF-8 with a byte-order mark.</summary>
public static class MinistryComparisonCsv
{
    private static readonly string[] Header =
    [
        "code", "level", "mainIndexCode", "nameVi", "maxPoints", "selfAssessedValue", "selfAssessedScore", "appraisedValue", "appraisedScore", "finalValue", "finalScore",
        "appraisedMinusSelfValue", "appraisedMinusSelfScore", "finalMinusSelfValue", "finalMinusSelfScore",
    ];

    /// <summary>The comparison's indices as a CSV download, one row per index in the snapshot's order.</summary>
    public static CsvFile Of(MinistryComparisonDto comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new CsvFile(FileName(comparison), CsvWriter.Write(Header, comparison.Indices.Select(i => (IReadOnlyList<string?>)
        [
            i.Code, i.Level.ToString(), i.MainIndexCode, i.NameVi, SnapshotDocument.Points(i.MaxPoints),
            SnapshotDocument.Value(i.SelfAssessed.Value), SnapshotDocument.Points(i.SelfAssessed.Score),
            SnapshotDocument.Value(i.Appraised?.Value), SnapshotDocument.Points(i.Appraised?.Score),
            SnapshotDocument.Value(i.Final?.Value), SnapshotDocument.Points(i.Final?.Score),
            SnapshotDocument.Value(i.AppraisedMinusSelf?.Value), SnapshotDocument.Points(i.AppraisedMinusSelf?.Score),
            SnapshotDocument.Value(i.FinalMinusSelf?.Value), SnapshotDocument.Points(i.FinalMinusSelf?.Score),
        ])));
    }

    private static string FileName(MinistryComparisonDto comparison) =>
        string.Create(CultureInfo.InvariantCulture, $"dti-comparison-{comparison.AssessmentYear}-r{comparison.Revision}.csv");
}
