namespace Dti.Application.Common.Exceptions;

/// <summary>The addressed resource does not exist (or the caller may not know it exists); maps to 404.</summary>
public sealed class NotFoundException(string resource, string key)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;

    public string Key { get; } = key;
}
