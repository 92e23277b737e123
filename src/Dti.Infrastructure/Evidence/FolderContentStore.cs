using Dti.Application.Evidence;
using Dti.Domain.Evidence;
using Dti.Infrastructure.Persistence;

namespace Dti.Infrastructure.Evidence;

/// <summary>
/// Keeps evidence bytes as files named by their SHA-256 under <c>Evidence:Folder</c> (<c>ab/cd/abcd…</c>, so no
/// directory grows past 65,536 entries), and the content row in the database.
/// </summary>
/// <remarks>
/// Safe with several API instances sharing the folder: a file is written under a name of its own in the target
/// directory, flushed to disk, then moved into place in one atomic rename that fails if the name exists. Whoever
/// moves first wins; the other's identical copy is deleted. A reader therefore sees a whole file or none, and the
/// row is added only after the file is in place.
/// </remarks>
internal sealed class FolderContentStore(DtiDbContext db, string root) : IEvidenceContentStore
{
    private const int BufferSize = 81_920;

    public async Task StoreAsync(EvidenceContent content, Stream bytes, CancellationToken cancellationToken)
    {
        var path = PathOf(content.Sha256);
        if (!File.Exists(path))
        {
            await WriteAsync(path, bytes, cancellationToken);
        }

        await StoredContent.AddOnceAsync(db, content, null, cancellationToken);
    }

    public Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        Stream? stream = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, useAsync: true) : null;
        return Task.FromResult(stream);
    }

    /// <summary>Where the bytes of <paramref name="sha256"/> live: <c>&lt;root&gt;/ab/cd/abcd…</c>.</summary>
    public string PathOf(string sha256) => Path.Combine(root, sha256[..2], sha256[2..4], sha256);

    private static async Task WriteAsync(string path, Stream bytes, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                bytes.Position = 0;
                await bytes.CopyToAsync(file, cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another upload (in this or another instance) moved the same bytes into place first.
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
