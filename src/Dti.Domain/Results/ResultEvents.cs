using Dti.Domain.Common;

namespace Dti.Domain.Results;

/// <summary>
/// An import added <paramref name="Added"/> official figures and revised <paramref name="Updated"/> of the assessment
/// years <paramref name="Years"/> (<paramref name="Unchanged"/> rows matched the stored figures).
/// </summary>
public sealed record OfficialResultsImported(Guid ImportId, IReadOnlyList<int> Years, int Added, int Updated, int Unchanged) : IDomainEvent;
