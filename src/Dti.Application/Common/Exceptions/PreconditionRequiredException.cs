namespace Dti.Application.Common.Exceptions;

/// <summary>
/// A change to an existing resource came without the version it was based on (no If-Match, or <c>*</c>); maps to 428
/// and nothing is changed. Blind writes are refused so that no update or transition overwrites what its author never saw.
/// </summary>
public sealed class PreconditionRequiredException(string header, string message) : Exception(message)
{
    /// <summary>The request header that was missing, named as the problem's field.</summary>
    public string Header { get; } = header;
}
