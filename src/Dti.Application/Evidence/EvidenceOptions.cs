using Dti.Domain.Evidence;

namespace Dti.Application.Evidence;

/// <summary>The <c>Evidence</c> configuration section: how large an uploaded file may be and where its bytes are kept.</summary>
public sealed class EvidenceOptions
{
    public const string Section = "Evidence";

    /// <summary>The largest <see cref="MaxFileBytes"/> the settings accept: the database store holds a file in memory while it stores it.</summary>
    public const long MaxMaxFileBytes = 1024L * 1024 * 1024;

    /// <summary>The largest file accepted, in bytes (default 20 MB).</summary>
    public long MaxFileBytes { get; set; } = EvidenceLimits.DefaultMaxFileBytes;

    /// <summary>Where the bytes of uploaded files are kept.</summary>
    public EvidenceStore Store { get; set; } = EvidenceStore.Database;

    /// <summary>The folder of the <see cref="EvidenceStore.Folder"/> store (relative paths are relative to the content root).</summary>
    public string? Folder { get; set; }
}

/// <summary>Where uploaded files' bytes are kept; their metadata and hashes are always in the database.</summary>
public enum EvidenceStore
{
    /// <summary>In a table of the database (bytea on PostgreSQL, a blob on SQLite, varbinary(max) on SQL Server): one backup holds everything.</summary>
    Database,

    /// <summary>In files under <see cref="EvidenceOptions.Folder"/>, named by their SHA-256 (<c>ab/cd/abcd…</c>).</summary>
    Folder,
}
