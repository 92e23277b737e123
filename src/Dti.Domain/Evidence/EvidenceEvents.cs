using Dti.Domain.Common;

namespace Dti.Domain.Evidence;

/// <summary>An agency added evidence: a file (with the SHA-256 of its content) or a link.</summary>
public sealed record EvidenceAdded(Guid EvidenceId, Guid AgencyId, EvidenceKind Kind, string? Sha256) : IDomainEvent;
