using Dti.Domain.Clients;
using Dti.Domain.Common;
using Microsoft.AspNetCore.Authorization;

namespace Dti.Api.Security;

/// <summary>
/// Who may call what. Every endpoint names one of these policies; the <c>/api/v1</c> group requires an
/// authenticated caller, so an endpoint that names none is still closed to anonymous callers.
/// Whose objects a caller reaches is decided after the policy, once, by the request pipeline's agency scope
/// (<c>Application/Common/Behaviours/AgencyScopeBehaviour</c>: another agency's object is a 404).
/// </summary>
public static class Policies
{
    /// <summary>Any authenticated client, whatever its role.</summary>
    public const string Authenticated = nameof(Authenticated);

    /// <summary>Managing clients, the audit trail and every write to shared data.</summary>
    public const string CoordinatorOnly = nameof(CoordinatorOnly);

    /// <summary>Reading reference data: frameworks and their indices, the calendar.</summary>
    public const string ReadReference = nameof(ReadReference);

    /// <summary>Reading agencies, plans, tasks and assignments (an AgencyReporter sees its own agencies' objects).</summary>
    public const string ReadAgencyData = nameof(ReadAgencyData);

    /// <summary>Writing an agency's own data (progress, reports, evidence); the agency scope checks whose data it is.</summary>
    public const string WriteAgencyData = nameof(WriteAgencyData);

    /// <summary>Reading consolidated assessments and results.</summary>
    public const string ReadResults = nameof(ReadResults);

    /// <summary>Listing and downloading finalised self-assessment snapshots: the coordinator and the ministry.</summary>
    public const string PullSnapshots = nameof(PullSnapshots);

    /// <summary>Reading reports: every role; reporters see their own agencies' reports, readers and the ministry accepted ones only.</summary>
    public const string ReadReports = nameof(ReadReports);

    /// <summary>The policy table: which roles each policy admits.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<ClientRole>> Roles = new Dictionary<string, IReadOnlyList<ClientRole>>
    {
        [CoordinatorOnly] = [ClientRole.Coordinator],
        [ReadReference] = [ClientRole.Coordinator, ClientRole.AgencyReporter, ClientRole.Ministry, ClientRole.Reader],
        [ReadAgencyData] = [ClientRole.Coordinator, ClientRole.AgencyReporter, ClientRole.Reader],
        [WriteAgencyData] = [ClientRole.Coordinator, ClientRole.AgencyReporter],
        [ReadResults] = [ClientRole.Coordinator, ClientRole.Ministry, ClientRole.Reader],
        [ReadReports] = [ClientRole.Coordinator, ClientRole.AgencyReporter, ClientRole.Ministry, ClientRole.Reader],
        [PullSnapshots] = [ClientRole.Coordinator, ClientRole.Ministry],
    };

    /// <summary>
    /// The policy of a lifecycle action (issuing a plan): exactly the roles the lifecycle table names for it, so
    /// the table is the one place that says who may take the action.
    /// </summary>
    public static AuthorizationPolicy ForAction<TState, TAction>(Lifecycle<TState, TAction> lifecycle, TAction action)
        where TState : struct, Enum
        where TAction : struct, Enum
    {
        var roles = lifecycle.RolesFor(action);
        if (roles.Count == 0)
        {
            throw new ArgumentException($"The {lifecycle.Subject} lifecycle never allows {action}.", nameof(action));
        }

        return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())).Build();
    }

    internal static void Add(AuthorizationOptions options)
    {
        var authenticated = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.DefaultPolicy = authenticated;
        options.FallbackPolicy = authenticated;
        options.AddPolicy(Authenticated, authenticated);
        foreach (var (name, roles) in Roles)
        {
            options.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
        }
    }
}
