namespace Dti.Domain.Evidence;

/// <summary>What a piece of evidence is: a file stored by the API, or a link to a document published elsewhere.</summary>
public enum EvidenceKind
{
    File,
    Link,
}
