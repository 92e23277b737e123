using Dti.Domain.Clients;

namespace Dti.Domain.Common;

/// <summary>
/// A lifecycle as data: each row says which action takes an object from which state to which state, and which
/// roles may take it. The aggregate asks the table before it changes state, the API builds each action's
/// authorisation policy from the same rows, and the docs print them (a test keeps the printed table equal).
/// </summary>
/// <remarks>
/// Who may take an action does not depend on the state it is taken from: the API authorises the request before
/// the object is loaded. Two rows with the same action must therefore name the same roles; an action that needs
/// other roles in another state is another action.
/// </remarks>
public sealed class Lifecycle<TState, TAction>
    where TState : struct, Enum
    where TAction : struct, Enum
{
    public Lifecycle(string subject, IReadOnlyList<LifecycleTransition<TState, TAction>> transitions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        ArgumentNullException.ThrowIfNull(transitions);
        foreach (var row in transitions)
        {
            if (row.Roles.Count == 0)
            {
                throw new ArgumentException($"{subject}: {row.Action} from {row.From} names no role that may take it.", nameof(transitions));
            }
        }

        if (transitions.GroupBy(t => (t.From, t.Action)).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"{subject}: {twice.Key.Action} from {twice.Key.From} is listed more than once.", nameof(transitions));
        }

        if (transitions.GroupBy(t => t.Action).FirstOrDefault(g => g.Select(t => RoleSet(t.Roles)).Distinct().Count() > 1) is { } mixed)
        {
            throw new ArgumentException($"{subject}: the rows for {mixed.Key} name different roles; who may take an action cannot depend on the state.", nameof(transitions));
        }

        Subject = subject;
        Transitions = [.. transitions];
    }

    /// <summary>What the lifecycle belongs to (<c>plan</c>); a refused transition's rule is <c>{Subject}.transition.not-allowed</c>.</summary>
    public string Subject { get; }

    /// <summary>The table itself, in the order it was written.</summary>
    public IReadOnlyList<LifecycleTransition<TState, TAction>> Transitions { get; }

    public string NotAllowedRule => $"{Subject}.transition.not-allowed";

    /// <summary>The actions that may be taken from <paramref name="state"/>, in table order (none for a final state).</summary>
    public IReadOnlyList<TAction> AllowedFrom(TState state) =>
        [.. Transitions.Where(t => EqualityComparer<TState>.Default.Equals(t.From, state)).Select(t => t.Action)];

    /// <summary>The roles that may take <paramref name="action"/>; empty when the table never allows it.</summary>
    public IReadOnlyList<ClientRole> RolesFor(TAction action) =>
        Transitions.FirstOrDefault(t => EqualityComparer<TAction>.Default.Equals(t.Action, action))?.Roles ?? [];

    /// <summary>
    /// The state <paramref name="action"/> leads to from <paramref name="state"/>. When the table has no such row,
    /// a conflict (409) naming the state, the action and what may be done instead.
    /// </summary>
    /// <param name="state">The object's current state.</param>
    /// <param name="action">The action asked for.</param>
    /// <param name="what">How the message names the object, e.g. <c>Plan '170/KH-UBND'</c>.</param>
    public TState Next(TState state, TAction action, string what)
    {
        var row = Transitions.FirstOrDefault(t => EqualityComparer<TState>.Default.Equals(t.From, state) && EqualityComparer<TAction>.Default.Equals(t.Action, action));
        if (row is not null)
        {
            return row.To;
        }

        var allowed = AllowedFrom(state);
        var instead = allowed.Count == 0 ? $"{state} is final: no action is allowed from it." : $"Allowed from {state}: {string.Join(", ", allowed)}.";
        throw DomainException.Conflict(NotAllowedRule, $"{what} is {state}; {action} is not allowed from {state}. {instead}", "status");
    }

    private static string RoleSet(IEnumerable<ClientRole> roles) => string.Join(',', roles.Distinct().Order());
}

/// <summary>One row of a <see cref="Lifecycle{TState, TAction}"/>: <paramref name="Action"/> takes the object from <paramref name="From"/> to <paramref name="To"/>, and <paramref name="Roles"/> may take it.</summary>
public sealed record LifecycleTransition<TState, TAction>(TState From, TAction Action, TState To, IReadOnlyList<ClientRole> Roles)
    where TState : struct, Enum
    where TAction : struct, Enum;
