using Dti.Application.Common.Interfaces;
using MediatR;

namespace Dti.Application.Results.Commands.ImportOfficialResults;

/// <summary>Adds or revises official figures from CSV (<see cref="OfficialResultsCsv"/>); importing the same file again changes nothing.</summary>
public sealed record ImportOfficialResultsCommand(string Csv) : IRequest<ImportSummaryDto>;

public sealed class ImportOfficialResultsHandler(IApplicationDbContext db) : IRequestHandler<ImportOfficialResultsCommand, ImportSummaryDto>
{
    public async Task<ImportSummaryDto> Handle(ImportOfficialResultsCommand request, CancellationToken cancellationToken)
    {
        var summary = await OfficialResultsImport.ApplyAsync(db, OfficialResultsCsv.Parse(request.Csv), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return summary;
    }
}
