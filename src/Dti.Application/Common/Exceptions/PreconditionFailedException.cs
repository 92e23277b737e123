namespace Dti.Application.Common.Exceptions;

/// <summary>The caller's If-Match does not match the current version; maps to 412 and nothing is changed.</summary>
public sealed class PreconditionFailedException(string resource, string key, int currentVersion)
    : Exception($"{resource} '{key}' has changed since you read it (current version {currentVersion}); read it again and retry.")
{
    public int CurrentVersion { get; } = currentVersion;

    /// <summary>Throws when the caller named a version (If-Match) and it is not the current one.</summary>
    public static void ThrowIfStale(string resource, string key, int currentVersion, int? expectedVersion)
    {
        if (expectedVersion is not null && expectedVersion != currentVersion)
        {
            throw new PreconditionFailedException(resource, key, currentVersion);
        }
    }
}
