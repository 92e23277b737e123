using Dti.Domain.Evidence;

namespace Dti.Application.Evidence;

/// <summary>
/// Keeps the bytes of uploaded evidence, once per SHA-256 however often they are uploaded
/// (<see cref="EvidenceOptions.Store"/> chooses the implementation: a table or a folder).
/// </summary>
public interface IEvidenceContentStore
{
    /// <summary>
    /// Makes sure <paramref name="content"/>'s row and bytes are stored, committed before this returns, whether this call
    /// or an earlier (or concurrent, in another instance) upload of the same bytes stored them.
    /// </summary>
    /// <param name="content">The content's hash, size and type.</param>
    /// <param name="bytes">The bytes, readable and seekable; read from the start.</param>
    /// <param name="cancellationToken">Cancels the store.</param>
    Task StoreAsync(EvidenceContent content, Stream bytes, CancellationToken cancellationToken);

    /// <summary>The stored bytes of <paramref name="sha256"/>, or null when this store has none.</summary>
    Task<Stream?> OpenReadAsync(string sha256, CancellationToken cancellationToken);
}
