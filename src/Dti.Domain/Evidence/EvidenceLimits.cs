using Dti.Domain.Auditing;

namespace Dti.Domain.Evidence;

/// <summary>Limits of evidence (tài liệu kiểm chứng), used by the domain guards, the validators, the EF configuration and the settings.</summary>
public static class EvidenceLimits
{
    /// <summary>The longest file name most file systems keep (255 UTF-16 units here).</summary>
    public const int FileNameMaxLength = 255;

    public const int DescriptionMaxLength = 2000;

    /// <summary>Room for any address a browser keeps in practice; longer "links" are usually data smuggled into a URL.</summary>
    public const int UrlMaxLength = 2000;

    public const int MediaTypeMaxLength = 100;

    /// <summary>SHA-256 as 64 lower-case hex characters.</summary>
    public const int Sha256Length = 64;

    public const string Sha256Pattern = "^[0-9a-f]{64}$";

    public const int UploadedByMaxLength = AuditLimits.ClientIdMaxLength;

    public const int UploadedByNameMaxLength = AuditLimits.ClientNameMaxLength;

    /// <summary>The default of the <c>Evidence:MaxFileBytes</c> setting: 20 MB (20,971,520 bytes).</summary>
    public const long DefaultMaxFileBytes = 20L * 1024 * 1024;
}
