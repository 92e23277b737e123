namespace Dti.Application.Common.Exceptions;

/// <summary>The caller's If-Match does not match the current version; maps to 412 and nothing is changed.</summary>
public sealed class PreconditionFailedException(string resource, string key, int currentVersion)
    : Exception($"{resource} '{key}' has changed since you read it (current version {currentVersion}); read it again and retry.")
{
    public int CurrentVersion { get; } = currentVersion;
}
