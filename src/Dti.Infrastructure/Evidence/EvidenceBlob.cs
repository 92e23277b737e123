namespace Dti.Infrastructure.Evidence;

/// <summary>The bytes of an <see cref="Domain.Evidence.EvidenceContent"/> in the database store, beside its row and under the same hash.</summary>
public sealed class EvidenceBlob(string sha256, byte[] bytes)
{
    public string Sha256 { get; private set; } = sha256;

    public byte[] Bytes { get; private set; } = bytes;
}
