using Dti.Domain.Common;

namespace Dti.Domain.Evidence;

/// <summary>
/// One piece of evidence (tài liệu kiểm chứng) an agency added: an uploaded file, whose bytes are an
/// <see cref="EvidenceContent"/> shared by every upload of the same bytes, or a link to a document published elsewhere.
/// Evidence is immutable: what was submitted stays what it was.
/// </summary>
public sealed class EvidenceItem : AggregateRoot
{
    private EvidenceItem()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The agency the evidence belongs to; only it (and the coordinator) can see it.</summary>
    public Guid AgencyId { get; private set; }

    public EvidenceKind Kind { get; private set; }

    /// <summary>The file's name as uploaded (NFC), Vietnamese kept; null for a link.</summary>
    public string? FileName { get; private set; }

    /// <summary>The type read from the content; null for a link.</summary>
    public string? MediaType { get; private set; }

    public long? SizeBytes { get; private set; }

    /// <summary>The content's SHA-256, which finds its bytes; null for a link.</summary>
    public string? Sha256 { get; private set; }

    /// <summary>The absolute http(s) address of a link; null for a file.</summary>
    public string? Url { get; private set; }

    /// <summary>What the evidence shows; required for a link, which says nothing by itself.</summary>
    public string? Description { get; private set; }

    /// <summary>The client that added it (a client id or a token subject); null when the system did.</summary>
    public string? UploadedBy { get; private set; }

    public string? UploadedByName { get; private set; }

    public DateTimeOffset UploadedAt { get; private set; }

    /// <summary>An uploaded file: <paramref name="content"/> is what the bytes were read as; the name must agree with it.</summary>
    public static EvidenceItem File(
        Guid agencyId, string? fileName, EvidenceContent content, EvidenceFileType type, string? description, string? uploadedBy, string? uploadedByName, DateTimeOffset now)
    {
        var name = Guard.Text(fileName, "file", EvidenceLimits.FileNameMaxLength);
        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal))
        {
            throw new DomainException("evidence.file-name", "The file name must be a name, not a path: it contains '/' or '\\'.", "file");
        }

        type.EnsureNameAgrees(name, "file");
        var item = New(agencyId, EvidenceKind.File, description, uploadedBy, uploadedByName, now);
        item.FileName = name;
        item.MediaType = type.MediaType;
        item.SizeBytes = content.SizeBytes;
        item.Sha256 = content.Sha256;
        item.Raise(new EvidenceAdded(item.Id, agencyId, EvidenceKind.File, content.Sha256));
        return item;
    }

    /// <summary>A link to evidence published elsewhere: an absolute http or https address, with a description of what it shows.</summary>
    public static EvidenceItem Link(Guid agencyId, string? url, string? description, string? uploadedBy, string? uploadedByName, DateTimeOffset now)
    {
        var address = Guard.Text(url, "url", EvidenceLimits.UrlMaxLength);
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || uri.Host.Length == 0)
        {
            throw new DomainException("evidence.link-not-http", "'url' must be an absolute http:// or https:// address.", "url");
        }

        if (uri.UserInfo.Length > 0)
        {
            throw new DomainException("evidence.link-credentials", "'url' must not carry a user name or password; evidence is shown to reviewers as it is stored.", "url");
        }

        var item = New(agencyId, EvidenceKind.Link, Guard.Text(description, "description", EvidenceLimits.DescriptionMaxLength), uploadedBy, uploadedByName, now);
        item.Url = address;
        item.Raise(new EvidenceAdded(item.Id, agencyId, EvidenceKind.Link, null));
        return item;
    }

    private static EvidenceItem New(Guid agencyId, EvidenceKind kind, string? description, string? uploadedBy, string? uploadedByName, DateTimeOffset now) => new()
    {
        Id = Identifiers.NewVersion7(),
        AgencyId = agencyId,
        Kind = kind,
        Description = Guard.OptionalText(description, "description", EvidenceLimits.DescriptionMaxLength),
        UploadedBy = uploadedBy is null ? null : uploadedBy[..Math.Min(uploadedBy.Length, EvidenceLimits.UploadedByMaxLength)],
        UploadedByName = uploadedByName is null ? null : uploadedByName[..Math.Min(uploadedByName.Length, EvidenceLimits.UploadedByNameMaxLength)],
        UploadedAt = now,
    };
}
