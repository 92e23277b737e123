using Dti.Application.Common.Interfaces;
using Dti.Domain.Results;
using MediatR;

namespace Dti.Application.Results.Commands.ImportOfficialResults;

/// <summary>
/// Adds or revises official figures from CSV (<see cref="OfficialResultsCsv"/>); importing the same file again changes
/// nothing. An import that changed something is recorded as a <see cref="ResultsImport"/>, which tells subscribers once.
/// </summary>
public sealed record ImportOfficialResultsCommand(string Csv) : IRequest<ImportSummaryDto>;

public sealed class ImportOfficialResultsHandler(IApplicationDbContext db, TimeProvider clock) : IRequestHandler<ImportOfficialResultsCommand, ImportSummaryDto>
{
    public async Task<ImportSummaryDto> Handle(ImportOfficialResultsCommand request, CancellationToken cancellationToken)
    {
        var rows = OfficialResultsCsv.Parse(request.Csv);
        var summary = await OfficialResultsImport.ApplyAsync(db, rows, cancellationToken);
        if (ResultsImport.Record(rows.Select(r => r.Year), summary.Added, summary.Updated, summary.Unchanged, clock.GetUtcNow()) is { } import)
        {
            db.ResultsImports.Add(import);
        }

        await db.SaveChangesAsync(cancellationToken);
        return summary;
    }
}
