using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Dti.Api.Tests.SelfAssessments;

/// <summary>
/// A self-signed ECDSA P-256 certificate and key for a test province, written as PEM files the way an installation names
/// them in settings (<c>SelfAssessment:Signing:CertificatePath</c>, <c>:KeyPath</c>).
/// </summary>
public sealed class ProvinceCertificate : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dti-signing-").FullName;

    public ProvinceCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=UBND tỉnh Quảng Trị (thử nghiệm), O=Dti.Api tests", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, critical: true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        CertificatePath = Path.Combine(_folder, "province.crt.pem");
        KeyPath = Path.Combine(_folder, "province.key.pem");
        File.WriteAllText(CertificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(KeyPath, key.ExportPkcs8PrivateKeyPem());
        Thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256).ToLowerInvariant();
    }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    public string Thumbprint { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["SelfAssessment:Signing:CertificatePath"] = CertificatePath,
        ["SelfAssessment:Signing:KeyPath"] = KeyPath,
    };

    /// <summary>A file in this certificate's folder, for the documents a test verifies.</summary>
    public string FileNamed(string name) => Path.Combine(_folder, name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
