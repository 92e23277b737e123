using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Reports.Queries.GetReportVersion;

/// <summary>One frozen submission with its content exactly as submitted (and its SHA-256).</summary>
public sealed record GetReportVersionQuery(Guid Id, int Number) : IRequest<ReportVersionDto>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Report(Id);
}

public sealed class GetReportVersionValidator : AbstractValidator<GetReportVersionQuery>
{
    public GetReportVersionValidator() => RuleFor(q => q.Number).InclusiveBetween(1, ReportDtoLimits.MaxNumber);
}

public sealed class GetReportVersionHandler(IApplicationDbContext db, ReportById reports, ICurrentClient client, TypeAdapterConfig config) : IRequestHandler<GetReportVersionQuery, ReportVersionDto>
{
    public async Task<ReportVersionDto> Handle(GetReportVersionQuery request, CancellationToken cancellationToken)
    {
        var report = await db.GetVisibleReportAsync(reports, client, request.Id, cancellationToken);
        var version = await db.GetVisibleVersionAsync(client, report, request.Number, "number", cancellationToken);
        return new ReportVersionDto(report.Id, version.Summary(report, config), version.Document().Adapt<ReportContentDto>(config));
    }
}
