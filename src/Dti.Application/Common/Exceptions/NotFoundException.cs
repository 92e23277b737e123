namespace Dti.Application.Common.Exceptions;

/// <summary>
/// The addressed resource does not exist (or the caller may not know it exists); maps to 404. <see cref="Rule"/> names
/// the rule when the resource exists only once something has happened (a self-vs-official needs a finalised snapshot).
/// </summary>
public sealed class NotFoundException(string resource, string key, string? rule = null)
    : Exception($"{resource} '{key}' was not found.")
{
    public string Resource { get; } = resource;

    public string Key { get; } = key;

    public string? Rule { get; } = rule;
}
