using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Reports.Queries.GetReportVersionDiff;

/// <summary>
/// What changed from version <see cref="Against"/> (by default the one before) to version <see cref="Number"/>: per index
/// entry field, from what to what, then per section.
/// </summary>
public sealed record GetReportVersionDiffQuery(Guid Id, int Number, int? Against) : IRequest<ReportDiffDto>, IAgencyScoped
{
    public AgencyScope Scope => AgencyScope.Report(Id);
}

public sealed class GetReportVersionDiffValidator : AbstractValidator<GetReportVersionDiffQuery>
{
    public GetReportVersionDiffValidator()
    {
        RuleFor(q => q.Number).InclusiveBetween(1, ReportDtoLimits.MaxNumber);
        RuleFor(q => q.Against).InclusiveBetween(1, ReportDtoLimits.MaxNumber);
    }
}

public sealed class GetReportVersionDiffHandler(IApplicationDbContext db, ReportById reports, ICurrentClient client, TypeAdapterConfig config) : IRequestHandler<GetReportVersionDiffQuery, ReportDiffDto>
{
    public async Task<ReportDiffDto> Handle(GetReportVersionDiffQuery request, CancellationToken cancellationToken)
    {
        var against = request.Against ?? request.Number - 1;
        if (against < 1)
        {
            throw new Common.Exceptions.ValidationException("against", "Version 1 has no version before it: give 'against' explicitly.");
        }

        var report = await db.GetVisibleReportAsync(reports, client, request.Id, cancellationToken);
        var newer = await db.GetVisibleVersionAsync(client, report, request.Number, "number", cancellationToken);
        var older = await db.GetVisibleVersionAsync(client, report, against, "against", cancellationToken);
        var changes = newer.Document().ChangesSince(older.Document());
        return new ReportDiffDto(report.Id, newer.Number, older.Number, changes.Adapt<List<ReportChangeDto>>(config));
    }
}
