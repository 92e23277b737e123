namespace Dti.Domain.Common;

/// <summary>
/// The one exception the domain throws when an operation would break one of its rules.
/// <see cref="Rule"/> is a stable machine-readable name (e.g. <c>framework.published-immutable</c>);
/// <see cref="Field"/> names the input the rule concerns, when there is one.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string rule, string message, string? field = null, DomainFailureKind kind = DomainFailureKind.RuleViolation)
        : base(message)
    {
        Rule = rule;
        Field = field;
        Kind = kind;
        Errors = field is null
            ? new Dictionary<string, string[]>()
            : new Dictionary<string, string[]> { [field] = [message] };
    }

    /// <summary>A rule broken in several places at once; every place is listed in <see cref="Errors"/>.</summary>
    public DomainException(string rule, string message, IReadOnlyDictionary<string, string[]> errors)
        : base(message)
    {
        Rule = rule;
        Kind = DomainFailureKind.RuleViolation;
        Errors = errors;
    }

    public string Rule { get; }

    public string? Field { get; }

    public DomainFailureKind Kind { get; }

    /// <summary>Each offending field with what is wrong with it.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static DomainException Conflict(string rule, string message, string? field = null) =>
        new(rule, message, field, DomainFailureKind.Conflict);
}

/// <summary>How a broken rule surfaces: a conflict with current state (409) or an unprocessable request (422).</summary>
public enum DomainFailureKind
{
    RuleViolation,
    Conflict,
}
