using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Clients;

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
    /// <summary>Coordinators and province-wide readers (dashboards) see every agency's objects; other clients only their agencies'.</summary>
    public static bool SeesAllAgencies(this ICurrentClient client) =>
        client.IsCoordinator || client.Roles.Contains(ClientRole.Reader);

    /// <summary>Reading: 404 unless the client sees all agencies or acts for one of <paramref name="agencyIds"/>.</summary>
    public static void EnsureSees(this ICurrentClient client, IEnumerable<Guid> agencyIds, string resource, string key)
    {
        if (!client.SeesAllAgencies() && !agencyIds.Any(client.ActsFor))
        {
            throw new NotFoundException(resource, key);
        }
    }

    /// <summary>Writing an object several agencies share (a task's lead and cooperators): 404 unless the client acts for one of them.</summary>
    public static void EnsureActsForAny(this ICurrentClient client, IEnumerable<Guid> agencyIds, string resource, string key)
    {
        if (!agencyIds.Any(client.ActsFor))
        {
            throw new NotFoundException(resource, key);
        }
    }

    public static void EnsureActsFor(this ICurrentClient client, Guid agencyId, string resource, string key)
    {
        if (!client.ActsFor(agencyId))
        {
            throw new NotFoundException(resource, key);
        }
    }
}
