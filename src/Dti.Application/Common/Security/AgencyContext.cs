using Dti.Application.Common.Interfaces;

namespace Dti.Application.Common.Security;

/// <summary>
/// What the pipeline (<see cref="Behaviours.AgencyScopeBehaviour{TRequest, TResponse}"/>) established about the current
/// request's agencies: the agency a write is made for, which the audit records, and the agencies a list may show.
/// One per request scope.
/// </summary>
public sealed class AgencyContext(ICurrentClient client)
{
    private Guid? _declared;
    private IReadOnlyCollection<Guid>? _visible;
    private bool _filtered;

    /// <summary>
    /// The agency a write is made for: of the agencies the request declares (<see cref="IAgencyScoped"/>), the one the
    /// client itself belongs to when there is exactly one; else the client's only agency; else none (coordinators
    /// without an agency, start-up, the command line).
    /// </summary>
    public Guid? ActingAgencyId => _declared ?? (client.AgencyIds.Count == 1 ? client.AgencyIds.First() : null);

    /// <summary>
    /// The agencies whose objects a list may show, or null for every agency. Only requests that declare
    /// <see cref="IAgencyFiltered"/> may ask: a list that forgot the declaration fails instead of showing everything.
    /// </summary>
    public IReadOnlyCollection<Guid>? VisibleAgencies => _filtered
        ? _visible
        : throw new InvalidOperationException($"Only requests that declare {nameof(IAgencyFiltered)} may ask which agencies they show.");

    internal void ActFor(Guid? agencyId) => _declared = agencyId;

    internal void ShowOnly(IReadOnlyCollection<Guid>? agencies)
    {
        _visible = agencies;
        _filtered = true;
    }
}
