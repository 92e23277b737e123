using Dti.Domain.SelfAssessments;

namespace Dti.Application.SelfAssessments;

/// <summary>
/// Signs finalised snapshots with the province's certificate and key (named in settings) and publishes the certificate, so
/// the ministry can check who produced a snapshot and that nothing changed (docs/decisions/0012-signed-snapshots.md).
/// </summary>
public interface ISnapshotSigner
{
    /// <summary>SHA-256 thumbprint of the signing certificate; 409 <c>self-assessment.signing-not-configured</c> without one.</summary>
    string Thumbprint { get; }

    /// <summary>A detached signature over <paramref name="content"/>.</summary>
    SnapshotSignature Sign(byte[] content);

    /// <summary>The signing certificate, PEM-encoded, for verifiers.</summary>
    string CertificatePem();
}
