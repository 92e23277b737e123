using Dti.Domain.Deadlines;
using FluentValidation;
using MediatR;

namespace Dti.Application.Deadlines.Queries.ParseDeadlineRule;

/// <summary>A sentence to read as a deadline rule, and the name to give it (defaults to the sentence).</summary>
public sealed record ParseDeadlineRuleInput(string Text, string? Name);

/// <summary>Reads a rule from Vietnamese or English text without storing it.</summary>
public sealed record ParseDeadlineRuleQuery(ParseDeadlineRuleInput Body) : IRequest<ParsedDeadlineRuleDto>;

public sealed class ParseDeadlineRuleValidator : AbstractValidator<ParseDeadlineRuleQuery>
{
    public ParseDeadlineRuleValidator()
    {
        RuleFor(q => q.Body).NotNull();
        RuleFor(q => q.Body.Text).NotEmpty().MaximumLength(DeadlineRuleDefinition.MaxTextLength).When(q => q.Body is not null);
        RuleFor(q => q.Body.Name).MaximumLength(DeadlineRule.MaxNameLength).When(q => q.Body is not null);
    }
}

public sealed class ParseDeadlineRuleHandler : IRequestHandler<ParseDeadlineRuleQuery, ParsedDeadlineRuleDto>
{
    public Task<ParsedDeadlineRuleDto> Handle(ParseDeadlineRuleQuery request, CancellationToken cancellationToken) =>
        Task.FromResult(ParsedDeadlineRuleDto.From(DeadlineRuleText.Parse(request.Body.Text, string.IsNullOrWhiteSpace(request.Body.Name) ? null : request.Body.Name)));
}
