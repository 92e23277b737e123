using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using Dti.Application.SelfAssessments;
using Dti.Domain.Common;
using Dti.Domain.SelfAssessments;

namespace Dti.Infrastructure.Signing;

/// <summary>Where the province's signing certificate and its private key are (PEM files, relative to the content root).</summary>
public sealed class SnapshotSigningOptions
{
    public const string Section = "SelfAssessment:Signing";

    /// <summary>The X.509 certificate, PEM.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Its private key (ECDSA or RSA), PEM, unencrypted PKCS#8 or SEC1/PKCS#1.</summary>
    public string? KeyPath { get; set; }
}

/// <summary>
/// Signs snapshots as detached CMS (RFC 5652) SignedData in DER, SHA-256, carrying the signing certificate — what
/// <c>openssl cms -verify -binary -inform DER -content snapshot.json -in snapshot.json.p7s</c> checks
/// (docs/decisions/0012-signed-snapshots.md). The certificate and key are read once, when first needed.
/// </summary>
internal sealed class CmsSnapshotSigner : ISnapshotSigner, IDisposable
{
    public const string Format = "cms-detached-der";

    private readonly Lazy<X509Certificate2?> _certificate;

    public CmsSnapshotSigner(SnapshotSigningOptions options, string contentRoot) =>
        _certificate = new Lazy<X509Certificate2?>(() => string.IsNullOrWhiteSpace(options.CertificatePath) || string.IsNullOrWhiteSpace(options.KeyPath)
            ? null
            : X509Certificate2.CreateFromPemFile(Path.GetFullPath(options.CertificatePath, contentRoot), Path.GetFullPath(options.KeyPath, contentRoot)));

    public string Thumbprint => Certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant();

    private X509Certificate2 Certificate => _certificate.Value ?? throw DomainException.Conflict(
        "self-assessment.signing-not-configured",
        $"No signing certificate is configured: set {SnapshotSigningOptions.Section}:CertificatePath and :KeyPath to the province's certificate and key (PEM).");

    public SnapshotSignature Sign(byte[] content)
    {
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.ComputeSignature(new CmsSigner(Certificate) { DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), IncludeOption = X509IncludeOption.EndCertOnly });
        return new SnapshotSignature(Format, cms.Encode(), Thumbprint);
    }

    public string CertificatePem() => Certificate.ExportCertificatePem() + "\n";

    public void Dispose()
    {
        if (_certificate.IsValueCreated)
        {
            _certificate.Value?.Dispose();
        }
    }
}
