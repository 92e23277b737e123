using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Domain.Evidence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Evidence.Queries.GetEvidenceContent;

/// <summary>The bytes of an evidence file, with the name, type and hash a download is served with. A link has no content (404).</summary>
public sealed record GetEvidenceContentQuery(Guid AgencyId, Guid Id) : IRequest<EvidenceFileContent>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Evidence(AgencyId, Id);
}

/// <summary>A file to send: the caller disposes <see cref="Content"/>.</summary>
public sealed record EvidenceFileContent(string FileName, string MediaType, string Sha256, long SizeBytes, Stream Content);

public sealed class GetEvidenceContentHandler(IApplicationDbContext db, IEvidenceContentStore store) : IRequestHandler<GetEvidenceContentQuery, EvidenceFileContent>
{
    public async Task<EvidenceFileContent> Handle(GetEvidenceContentQuery request, CancellationToken cancellationToken)
    {
        var file = await db.Evidence.AsNoTracking()
            .Where(e => e.Id == request.Id && e.AgencyId == request.AgencyId && e.Kind == EvidenceKind.File)
            .Select(e => new { e.FileName, e.MediaType, e.Sha256, e.SizeBytes })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("Evidence content", request.Id.ToString());

        // A row without its bytes means the store was changed (Evidence:Store) without moving the files: the server's fault.
        var content = await store.OpenReadAsync(file.Sha256!, cancellationToken)
            ?? throw new InvalidOperationException($"The bytes of evidence {request.Id} (SHA-256 {file.Sha256}) are not in the configured store; was Evidence:Store or Evidence:Folder changed?");
        return new EvidenceFileContent(file.FileName!, file.MediaType!, file.Sha256!, file.SizeBytes!.Value, content);
    }
}
