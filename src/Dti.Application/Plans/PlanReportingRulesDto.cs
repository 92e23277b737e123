using System.ComponentModel.DataAnnotations;
using Dti.Application.Common.Validation;
using Dti.Application.Deadlines;
using Dti.Domain.Deadlines;
using Dti.Domain.Plans;

namespace Dti.Application.Plans;

/// <summary>The deadline rules a plan's lead agencies report by.</summary>
/// <param name="PlanId">The plan.</param>
/// <param name="Rules">The rules, by name.</param>
public sealed record PlanReportingRulesDto(Guid PlanId, [property: MaxLength(PlanLimits.MaxReportingRules)] IReadOnlyList<PlanReportingRuleDto> Rules);

/// <param name="Id">The deadline rule's id.</param>
/// <param name="Name">The rule's name.</param>
/// <param name="Frequency">The kind of period reported on.</param>
/// <param name="TextVi">The rule in Vietnamese.</param>
/// <param name="TextEn">The rule in English.</param>
[LimitsOf(typeof(DeadlineRuleInput))]
public sealed record PlanReportingRuleDto(
    Guid Id,
    string Name,
    ReportingFrequency Frequency,
    [property: MaxLength(DeadlineRuleDefinition.MaxTextLength), RegularExpression(TextRules.SingleLinePattern)] string TextVi,
    [property: MaxLength(DeadlineRuleDefinition.MaxTextLength), RegularExpression(TextRules.SingleLinePattern)] string TextEn);

/// <summary>The body of <c>PUT /plans/{planId}/reporting-rules</c>: the complete set of rules.</summary>
/// <param name="RuleIds">Ids of stored deadline rules; an empty list removes them all.</param>
public sealed record PlanReportingRulesInput(IReadOnlyList<Guid> RuleIds);
