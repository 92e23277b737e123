using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Mapster;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.ReportRequests.Queries.GetReportRequest;

/// <summary>A report request with one answer per agency asked; its issuer and the agencies asked may read it.</summary>
public sealed record GetReportRequestQuery(Guid Id) : IRequest<ReportRequestDto>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.ReportRequest(Id);
}

public sealed class GetReportRequestHandler(IApplicationDbContext db, TypeAdapterConfig config) : IRequestHandler<GetReportRequestQuery, ReportRequestDto>
{
    public async Task<ReportRequestDto> Handle(GetReportRequestQuery request, CancellationToken cancellationToken)
    {
        var found = await db.ReportRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == request.Id, cancellationToken)
            ?? throw new NotFoundException("ReportRequest", request.Id.ToString());
        return (await db.WithAnswersAsync([found], config, cancellationToken))[0];
    }
}
