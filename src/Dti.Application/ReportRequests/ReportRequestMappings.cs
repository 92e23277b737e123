using Dti.Domain.Reports;
using Mapster;

namespace Dti.Application.ReportRequests;

/// <summary>How report requests and the answers to them become DTOs.</summary>
public sealed class ReportRequestMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        // The answers come from the agencies' reports: the use case adds them.
        config.NewConfig<ReportRequest, ReportRequestDto>()
            .Map(d => d.LastAllowedInstant, s => s.Deadline.LastAllowedInstant)
            .Map(d => d.AskedIndexCodes, s => s.AskedIndexCodes)
            .Ignore(d => d.Answers);

        config.NewConfig<Report, ReportRequestAnswerDto>()
            .Map(d => d.ReportId, s => s.Id)
            .Map(d => d.SubmittedAt, s => s.CountedSubmittedAt)
            .Map(d => d.Timeliness, s => s.CountedTimeliness)
            .Map(d => d.WorkingDaysLate, s => s.CountedWorkingDaysLate);

        // The values come from a version's document: the use case adds them.
        config.NewConfig<Report, ContributionDto>()
            .Map(d => d.ReportId, s => s.Id)
            .Map(d => d.ReportRequestId, s => s.ReportRequestId!.Value)
            .Map(d => d.SubmittedAt, s => s.CountedSubmittedAt)
            .Map(d => d.Timeliness, s => s.CountedTimeliness)
            .Ignore(d => d.VersionNumber!)
            .Ignore(d => d.Entries);
    }
}
