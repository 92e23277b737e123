using System.Security.Cryptography;
using System.Text;
using Dti.Domain.Common;

namespace Dti.Domain.SelfAssessments;

/// <summary>A detached signature over a snapshot's document bytes, in the format named (CMS, DER).</summary>
public sealed record SnapshotSignature(string Format, byte[] Value, string SignerThumbprint);

/// <summary>
/// One finalised revision of a year's self-assessment: the canonical JSON document, its SHA-256 and the province's
/// signature over its UTF-8 bytes. Never changes: every revision stays readable, byte for byte, for ever.
/// </summary>
public sealed class SelfAssessmentSnapshot
{
    private SelfAssessmentSnapshot()
    {
    }

    internal SelfAssessmentSnapshot(SelfAssessment assessment, string document, SnapshotSignature signature, SelfAssessmentActor by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(signature);
        Id = Identifiers.NewVersion7();
        SelfAssessmentId = assessment.Id;
        AssessmentYear = assessment.AssessmentYear;
        Revision = assessment.Revision;
        Document = document;
        Sha256 = HashOf(document);
        SignatureFormat = signature.Format;
        Signature = signature.Value;
        SignerThumbprint = signature.SignerThumbprint;
        FinalisedById = Guard.Text(by.Id, "by", SelfAssessmentLimits.ActorMaxLength);
        FinalisedByName = Guard.Text(by.Name, "by", SelfAssessmentLimits.ActorMaxLength);
        FinalisedAt = at;
    }

    public Guid Id { get; private set; }

    public Guid SelfAssessmentId { get; private set; }

    public int AssessmentYear { get; private set; }

    public int Revision { get; private set; }

    /// <summary>The canonical JSON document, exactly as signed.</summary>
    public string Document { get; private set; } = null!;

    /// <summary>SHA-256 of the document's UTF-8 bytes, lower-case hex: the snapshot's strong ETag.</summary>
    public string Sha256 { get; private set; } = null!;

    public string SignatureFormat { get; private set; } = null!;

    public byte[] Signature { get; private set; } = null!;

    /// <summary>SHA-256 thumbprint of the certificate that signed, so a verifier knows which key to trust.</summary>
    public string SignerThumbprint { get; private set; } = null!;

    public string FinalisedById { get; private set; } = null!;

    public string FinalisedByName { get; private set; } = null!;

    public DateTimeOffset FinalisedAt { get; private set; }

    /// <summary>The document's bytes as served and signed: UTF-8 without a byte-order mark.</summary>
    public static byte[] BytesOf(string document) => Encoding.UTF8.GetBytes(document);

    public static string HashOf(string document) => Convert.ToHexStringLower(SHA256.HashData(BytesOf(document)));
}

/// <summary>Who pulled which revision when: the province sees that the ministry has its snapshot.</summary>
public sealed class SnapshotPull
{
    private SnapshotPull()
    {
    }

    public SnapshotPull(SelfAssessmentSnapshot snapshot, string format, SelfAssessmentActor by, string role, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(by);
        Id = Identifiers.NewVersion7();
        SnapshotId = snapshot.Id;
        AssessmentYear = snapshot.AssessmentYear;
        Revision = snapshot.Revision;
        Format = format;
        ById = Guard.Text(by.Id, "by", SelfAssessmentLimits.ActorMaxLength);
        ByName = Guard.Text(by.Name, "by", SelfAssessmentLimits.ActorMaxLength);
        Role = role;
        At = at;
    }

    public Guid Id { get; private set; }

    public Guid SnapshotId { get; private set; }

    public int AssessmentYear { get; private set; }

    public int Revision { get; private set; }

    /// <summary>What was downloaded: json, csv, dhis2, signature.</summary>
    public string Format { get; private set; } = null!;

    public string ById { get; private set; } = null!;

    public string ByName { get; private set; } = null!;

    public string Role { get; private set; } = null!;

    public DateTimeOffset At { get; private set; }
}
