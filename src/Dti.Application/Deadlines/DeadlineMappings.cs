using Dti.Application.Common.Mapping;
using Dti.Application.Deadlines.Queries.GetDeadlineOccurrences;
using Dti.Domain.Deadlines;
using Mapster;

namespace Dti.Application.Deadlines;

/// <summary>
/// How deadline rules become DTOs. A stored rule keeps its due anchor and legal basis in flat columns, which the DTO
/// nests (so a list is still one projection); a parsed rule holds them as domain values, each anchor shape filling
/// only its own parts. An occurrence's status depends on the moment asked: the handler sets it after mapping.
/// </summary>
public sealed class DeadlineMappings : IRegister
{
    public void Register(TypeAdapterConfig config)
    {
        config.NewConfig<DeadlineRuleDefinition, DeadlineRuleDto>()
            .Map(d => d.Due, s => s)
            .Map(d => d.TimeOfDay, s => s.DueTime)
            .Map(d => d.LegalBasis, s => s, s => s.LegalBasisDocumentNumber != null);
        config.NewVersionedConfig<DeadlineRuleDefinition, DeadlineRuleDto>();
        config.NewConfig<DeadlineRuleDefinition, DueAnchorDto>()
            .Map(d => d.Kind, s => s.DueKind)
            .Map(d => d.Day, s => s.DueDay)
            .Map(d => d.Month, s => s.DueMonth)
            .Map(d => d.FollowingYear, s => s.DueKind == DueAnchorKind.FixedDate ? s.DueFollowingYear : (bool?)null)
            .Map(d => d.WorkingDays, s => s.DueWorkingDays)
            .Map(d => d.Date, s => s.DueDate)
            .Map(d => d.MonthsAfter, s => s.DueMonthsAfter)
            .Map(d => d.Days, s => s.DueDays)
            .Map(d => d.DayCount, s => s.DueDayCount)
            .Map(d => d.CountedFrom, s => s.DueCountedFrom);
        config.NewConfig<DeadlineRuleDefinition, LegalBasisDto>()
            .Map(d => d.DocumentNumber, s => s.LegalBasisDocumentNumber)
            .Map(d => d.IssuedOn, s => s.LegalBasisIssuedOn!.Value);

        config.NewConfig<DeadlineRule, ParsedDeadlineRuleDto>()
            .Ignore(d => d.Sample)
            .Map(d => d.TextVi, s => DeadlineRuleText.Format(s, "vi"))
            .Map(d => d.TextEn, s => DeadlineRuleText.Format(s, "en"));
        config.NewConfig<DeadlineText, ParsedDeadlineTextDto>();
        config.NewConfig<LegalBasis, LegalBasisDto>();
        config.NewConfig<DueAnchor, DueAnchorDto>()
            .RequireDestinationMemberSource(false)
            .Include<DueAnchor.DayOfLastMonth, DueAnchorDto>()
            .Include<DueAnchor.FixedDate, DueAnchorDto>()
            .Include<DueAnchor.WorkingDaysAfterCutoff, DueAnchorDto>()
            .Include<DueAnchor.ExplicitDate, DueAnchorDto>()
            .Include<DueAnchor.DayOfMonthAfter, DueAnchorDto>()
            .Include<DueAnchor.DaysAfter, DueAnchorDto>();
        config.NewConfig<DueAnchor.DayOfLastMonth, DueAnchorDto>().Map(d => d.Kind, _ => DueAnchorKind.DayOfLastMonth);
        config.NewConfig<DueAnchor.FixedDate, DueAnchorDto>().Map(d => d.Kind, _ => DueAnchorKind.FixedDate);
        config.NewConfig<DueAnchor.WorkingDaysAfterCutoff, DueAnchorDto>().Map(d => d.Kind, _ => DueAnchorKind.WorkingDaysAfterCutoff);
        config.NewConfig<DueAnchor.ExplicitDate, DueAnchorDto>().Map(d => d.Kind, _ => DueAnchorKind.ExplicitDate);
        config.NewConfig<DueAnchor.DayOfMonthAfter, DueAnchorDto>().Map(d => d.Kind, _ => DueAnchorKind.DayOfMonthAfter);
        config.NewConfig<DueAnchor.DaysAfter, DueAnchorDto>().Map(d => d.Kind, _ => DueAnchorKind.DaysAfter);

        config.NewConfig<DeadlineOccurrence, DeadlineOccurrenceDto>().Ignore(d => d.Status);

        // The DTO shows the domain's data window as it is; every mapping is declared, its copy too.
        config.NewConfig<DataWindow, DataWindow>();
    }
}
