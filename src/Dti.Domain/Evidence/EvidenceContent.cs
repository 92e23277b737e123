using System.Text.RegularExpressions;

namespace Dti.Domain.Evidence;

/// <summary>
/// Bytes uploaded as evidence, known by their SHA-256 and stored once however often they are uploaded: each upload is
/// an <see cref="EvidenceItem"/> referring to its content by hash. Where the bytes themselves live (a table or a folder)
/// is the content store's business, not the domain's.
/// </summary>
public sealed partial class EvidenceContent
{
    private EvidenceContent()
    {
    }

    /// <summary>SHA-256 of the bytes, 64 lower-case hex characters; the key.</summary>
    public string Sha256 { get; private set; } = null!;

    public long SizeBytes { get; private set; }

    /// <summary>The media type read from the content (the same bytes always read as the same type).</summary>
    public string MediaType { get; private set; } = null!;

    /// <summary>When these bytes were first stored.</summary>
    public DateTimeOffset StoredAt { get; private set; }

    public static EvidenceContent Create(string sha256, long sizeBytes, EvidenceFileType type, DateTimeOffset now)
    {
        if (!Sha256Shape().IsMatch(sha256))
        {
            throw new ArgumentException("A content hash is SHA-256 as 64 lower-case hex characters.", nameof(sha256));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeBytes);
        return new EvidenceContent { Sha256 = sha256, SizeBytes = sizeBytes, MediaType = type.MediaType, StoredAt = now };
    }

    [GeneratedRegex(EvidenceLimits.Sha256Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex Sha256Shape();
}
