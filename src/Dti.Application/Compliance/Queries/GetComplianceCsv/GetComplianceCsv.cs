using System.Globalization;
using Dti.Application.Calendar;
using Dti.Application.Common.Csv;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Application.Common.Validation;
using Dti.Domain.Agencies;
using FluentValidation;
using Mapster;
using MediatR;

namespace Dti.Application.Compliance.Queries.GetComplianceCsv;

/// <summary>
/// The compliance view as a spreadsheet: every agency <see cref="Queries.GetCompliance.GetComplianceQuery"/> would list, in
/// the same order, one row each, unpaged (a province has a few hundred agencies).
/// </summary>
public sealed record GetComplianceCsvQuery(DateOnly? From, DateOnly? To, AgencyKind? AgencyKind, Guid? AgencyId) : IRequest<CsvFile>, IAgencyFiltered;

public sealed class GetComplianceCsvValidator : AbstractValidator<GetComplianceCsvQuery>
{
    public GetComplianceCsvValidator()
    {
        RuleFor(q => q.From).NotNull();
        RuleFor(q => q.To).NotNull();
        RuleFor(q => q.AgencyKind).IsDefinedEnum();
    }
}

public sealed class GetComplianceCsvHandler(IApplicationDbContext db, TypeAdapterConfig config, WorkingCalendarSource calendars, AgencyContext context, TimeProvider clock)
    : IRequestHandler<GetComplianceCsvQuery, CsvFile>
{
    private static readonly string[] Header =
    [
        "agencyId", "agencyCode", "agencyName", "agencyShortName", "agencyKind",
        "obligationsDue", "onTime", "late", "missing", "pending", "onTimeRate",
        "tasksDone", "tasksOpen", "tasksOverdue", "indices",
    ];

    public async Task<CsvFile> Handle(GetComplianceCsvQuery request, CancellationToken cancellationToken)
    {
        var filter = new ComplianceFilter(request.From, request.To, request.AgencyKind, request.AgencyId);
        var (agencies, from, to, _) = await ComplianceView.ComputeAsync(db, config, calendars, context.VisibleAgencies, clock, filter, cancellationToken);
        var rows = agencies.Select(a => (IReadOnlyList<string?>)
        [
            a.Agency.Id.ToString(), a.Agency.Code, a.Agency.FullName, a.Agency.ShortName, a.Agency.Kind.ToString(),
            CsvWriter.Cell(a.Obligations.Due), CsvWriter.Cell(a.Obligations.OnTime), CsvWriter.Cell(a.Obligations.Late),
            CsvWriter.Cell(a.Obligations.Missing), CsvWriter.Cell(a.Obligations.Pending), CsvWriter.Cell(a.Obligations.OnTimeRate),
            CsvWriter.Cell(a.Tasks.Done), CsvWriter.Cell(a.Tasks.Open), CsvWriter.Cell(a.Tasks.Overdue),
            string.Join("; ", a.Indices.Select(Describe)),
        ]);
        return new CsvFile(string.Create(CultureInfo.InvariantCulture, $"tuan-thu-{from:yyyy-MM-dd}-{to:yyyy-MM-dd}.csv"), CsvWriter.Write(Header, rows));
    }

    /// <summary>One led index in a cell: <c>7 (170/KH-UBND): 0.5 / 0.6</c> — latest accepted value / target, "–" for none.</summary>
    private static string Describe(LedIndexDto index) =>
        $"{index.IndexCode} ({index.Plan.DocumentNumber}): {Value(index.LatestValue)} / {Value(index.TargetValue)}";

    /// <summary>Without trailing zeros: providers return a stored value at different scales (0.6 or 0.6000).</summary>
    private static string Value(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? "–";
}
