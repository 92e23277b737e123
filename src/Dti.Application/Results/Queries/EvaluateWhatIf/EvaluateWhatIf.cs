using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Validation;
using Dti.Application.Frameworks;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;
using Dti.Domain.Results;
using FluentValidation;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Dti.Application.Results.Queries.EvaluateWhatIf;

/// <summary>A main index set to a value.</summary>
public sealed record IndexValueInput(string Code, decimal Value);

/// <summary>A main index raised (or lowered) by a delta.</summary>
public sealed record IndexDeltaInput(string Code, decimal Delta);

/// <summary>
/// What the province's DTI and rank would have been in a year's published table with other main-index values: its
/// published values, then a plan's targets (<c>planId</c>: target value, or target points ÷ max points), then the
/// values given, then the deltas. Every scored main index needs a value from one of these.
/// </summary>
public sealed record WhatIfInput(int? FieldSize, Guid? PlanId, IReadOnlyList<IndexValueInput>? MainIndexValues, IReadOnlyList<IndexDeltaInput>? Raise);

public sealed record EvaluateWhatIfQuery(string Code, int Year, WhatIfInput Body) : IRequest<WhatIfDto>;

public sealed class EvaluateWhatIfValidator : AbstractValidator<EvaluateWhatIfQuery>
{
    public EvaluateWhatIfValidator()
    {
        RuleFor(q => q.Code).UnitCode();
        RuleFor(q => q.Year).InclusiveBetween(OfficialFigure.FirstYear, FrameworkLimits.LastSupportedYear);
        RuleFor(q => q.Body).NotNull().SetValidator(new WhatIfInputValidator());
    }
}

public sealed class WhatIfInputValidator : AbstractValidator<WhatIfInput>
{
    public WhatIfInputValidator()
    {
        RuleFor(i => i.FieldSize).InclusiveBetween(1, ResultLimits.MaxFieldSize);
        RuleFor(i => i.MainIndexValues).MaxItems(FrameworkLimits.MaxMainIndices);
        RuleForEach(i => i.MainIndexValues).NoNullItems().SetValidator(new IndexValueInputValidator());
        RuleFor(i => i.Raise).MaxItems(FrameworkLimits.MaxMainIndices);
        RuleForEach(i => i.Raise).NoNullItems().SetValidator(new IndexDeltaInputValidator());
    }
}

public sealed class IndexValueInputValidator : AbstractValidator<IndexValueInput>
{
    public IndexValueInputValidator()
    {
        RuleFor(i => i.Code).NotEmpty().IndexCode();
        RuleFor(i => i.Value).InclusiveBetween(0m, 1m);
    }
}

public sealed class IndexDeltaInputValidator : AbstractValidator<IndexDeltaInput>
{
    public IndexDeltaInputValidator()
    {
        RuleFor(i => i.Code).NotEmpty().IndexCode();
        RuleFor(i => i.Delta).InclusiveBetween(-1m, 1m);
    }
}

public sealed class EvaluateWhatIfHandler(IApplicationDbContext db) : IRequestHandler<EvaluateWhatIfQuery, WhatIfDto>
{
    public async Task<WhatIfDto> Handle(EvaluateWhatIfQuery request, CancellationToken cancellationToken)
    {
        var input = request.Body;
        var table = await db.LoadTableAsync(request.Code, request.Year, input.FieldSize, cancellationToken);
        var scored = table.ScoredIndices();
        var own = table.Of(request.Code).ToList();
        var published = own.Where(f => f.Kind == FigureKind.MainIndex && f.Value is not null).ToDictionary(f => f.Code, f => f.Value!.Value, StringComparer.OrdinalIgnoreCase);
        var values = new Dictionary<string, decimal>(published, StringComparer.OrdinalIgnoreCase);
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);

        if (input.PlanId is { } planId)
        {
            var plan = await db.Plans.AsNoTracking().Include(p => p.IndexTargets).SingleOrDefaultAsync(p => p.Id == planId, cancellationToken)
                ?? throw new NotFoundException("Plan", planId.ToString());
            foreach (var target in plan.IndexTargets.Where(t => scored.ContainsKey(t.MainIndexCode)))
            {
                var value = target.TargetValue ?? target.TargetPoints / scored[target.MainIndexCode].MaxPoints;
                if (value is { } v)
                {
                    values[target.MainIndexCode] = v;
                }
            }
        }

        foreach (var (set, i) in (input.MainIndexValues ?? []).Select((v, i) => (v, i)))
        {
            if (Known(set.Code, $"mainIndexValues[{i}].code"))
            {
                values[set.Code] = set.Value;
            }
        }

        foreach (var (raise, i) in (input.Raise ?? []).Select((r, i) => (r, i)))
        {
            if (!Known(raise.Code, $"raise[{i}].code"))
            {
                continue;
            }

            if (!values.TryGetValue(raise.Code, out var before))
            {
                problems[$"raise[{i}].code"] = [$"Main index '{raise.Code}' has no published value for {request.Code} in {request.Year} to raise; give it in mainIndexValues."];
            }
            else if (before + raise.Delta is < 0 or > 1)
            {
                problems[$"raise[{i}].delta"] = [$"Raising main index '{raise.Code}' from {before} by {raise.Delta} leaves [0, 1]."];
            }
            else
            {
                values[raise.Code] = before + raise.Delta;
            }
        }

        var missing = scored.Keys.Where(c => !values.ContainsKey(c)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            problems["mainIndexValues"] = [$"No value for main index(es) {string.Join(", ", missing)}: {request.Code} has none published for {request.Year}, so give them in mainIndexValues or through a plan's targets."];
        }

        if (problems.Count > 0)
        {
            throw new DomainException("results.what-if", "The what-if cannot be evaluated.", problems);
        }

        var dti = DtiScoring.Dti(scored.Select(m => (values[m.Key], m.Value.MaxPoints!.Value)));
        var (best, worst) = DtiScoring.RankAmong(dti, table.OthersThan(request.Code));
        var publishedDti = own.FirstOrDefault(f => f.Kind == FigureKind.Dti);
        var indices = scored.Values.OrderBy(m => m.Order).Select(m => new WhatIfIndexDto(m.Code, published.TryGetValue(m.Code, out var p) ? p : null, DecimalKind.IndexValue.Round(values[m.Code]))).ToList();
        return new WhatIfDto(table.Year, table.FieldSize, request.Code, publishedDti?.Value, publishedDti?.Rank, indices, dti, best == worst ? best : null, best, worst);

        bool Known(string code, string field)
        {
            if (scored.ContainsKey(code))
            {
                return true;
            }

            problems[field] = [$"'{code}' is not a scored main index of framework {table.Framework.Code} with published points."];
            return false;
        }
    }
}
