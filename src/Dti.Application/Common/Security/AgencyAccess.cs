using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;

namespace Dti.Application.Common.Security;

/// <summary>
/// Object-level access to per-agency data (OWASP API1, BOLA). Reading or writing another agency's object by id
/// answers 404 exactly as if it did not exist, so ids of other agencies' objects cannot be probed.
/// Call it in every handler that loads a per-agency object by id, right after loading it:
/// <code>client.EnsureActsFor(task.AgencyId, "Task", id.ToString());</code>
/// Lists filter instead: <c>query.Where(t => client.IsCoordinator || client.AgencyIds.Contains(t.AgencyId))</c>.
/// </summary>
public static class AgencyAccess
{
    public static void EnsureActsFor(this ICurrentClient client, Guid agencyId, string resource, string key)
    {
        if (!client.ActsFor(agencyId))
        {
            throw new NotFoundException(resource, key);
        }
    }
}
