using Dti.Domain.Deadlines;
using FluentValidation;
using Mapster;
using MediatR;
using Dti.Application.Common.Validation;

namespace Dti.Application.Deadlines.Queries.ParseDeadlineRule;

/// <summary>A sentence to read as a deadline rule, and the name to give it (defaults to the sentence).</summary>
public sealed record ParseDeadlineRuleInput(string Text, string? Name);

/// <summary>Reads a rule from Vietnamese or English text without storing it.</summary>
public sealed record ParseDeadlineRuleQuery(ParseDeadlineRuleInput Body) : IRequest<ParsedDeadlineRuleDto>;

public sealed class ParseDeadlineRuleValidator : AbstractValidator<ParseDeadlineRuleQuery>
{
    public ParseDeadlineRuleValidator() => RuleFor(q => q.Body).NotNull().SetValidator(new ParseDeadlineRuleInputValidator());
}

public sealed class ParseDeadlineRuleInputValidator : AbstractValidator<ParseDeadlineRuleInput>
{
    public ParseDeadlineRuleInputValidator()
    {
        RuleFor(i => i.Text).NotEmpty().SingleLine(DeadlineRuleDefinition.MaxTextLength);
        RuleFor(i => i.Name).SingleLine(DeadlineRule.MaxNameLength);
    }
}

public sealed class ParseDeadlineRuleHandler(TypeAdapterConfig config) : IRequestHandler<ParseDeadlineRuleQuery, ParsedDeadlineRuleDto>
{
    public Task<ParsedDeadlineRuleDto> Handle(ParseDeadlineRuleQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(DeadlineRuleText.Parse(request.Body.Text, string.IsNullOrWhiteSpace(request.Body.Name) ? null : request.Body.Name).Adapt<ParsedDeadlineRuleDto>(config));
}
