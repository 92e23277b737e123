using FluentValidation;
using MediatR;
using ValidationException = Dti.Application.Common.Exceptions.ValidationException;

namespace Dti.Application.Common.Behaviours;

/// <summary>Runs every validator of the request and reports all failures at once, keyed by camelCase JSON path.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    /// <summary>Most reads have no validator: they go straight on, without a context, a list or an async step.</summary>
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) =>
        validators is ICollection<IValidator<TRequest>> { Count: 0 } ? next() : ValidateAsync(request, next, cancellationToken);

    private async Task<TResponse> ValidateAsync(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
            failures.AddRange(result.Errors);
        }

        if (failures.Count > 0)
        {
            var errors = failures
                .GroupBy(f => JsonPath.ToCamelCase(f.PropertyName), StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(f => f.ErrorMessage).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
            throw new ValidationException(errors);
        }

        return await next();
    }
}
