using Dti.Domain.Common;

namespace Dti.Domain.Agencies;

/// <summary>The role an agency holds on a task or an index assignment.</summary>
public enum HolderRole
{
    Lead,
    Cooperating,
}

/// <summary>Why the holders of a task or an assignment changed.</summary>
public enum HolderChangeKind
{
    Reassignment,
    Succession,
}

/// <summary>One agency leaving or taking a role; both ends are set when one agency replaces another.</summary>
public sealed record HolderMove(HolderRole Role, Guid? PreviousAgencyId, Guid? NewAgencyId);

/// <summary>The lead agency (đơn vị chủ trì) and the cooperating agencies (đơn vị phối hợp) of a piece of work.</summary>
public static class Holders
{
    public const int MaxCooperators = 100;

    /// <summary>Distinct cooperators, never including the lead.</summary>
    public static List<Guid> CheckCooperators(Guid lead, IEnumerable<Guid>? cooperators, string rulePrefix)
    {
        var list = (cooperators ?? []).Distinct().ToList();
        if (list.Contains(lead))
        {
            throw new DomainException($"{rulePrefix}.lead-cooperates", "The lead agency cannot also be a cooperating agency.", "cooperatingAgencyIds");
        }

        if (list.Count > MaxCooperators)
        {
            throw new DomainException("max-count", $"At most {MaxCooperators} cooperating agencies.", "cooperatingAgencyIds");
        }

        return list;
    }

    /// <summary>What changes between the current and the new holders, one move per agency that leaves or arrives.</summary>
    public static List<HolderMove> Diff(Guid oldLead, IReadOnlyCollection<Guid> oldCooperators, Guid newLead, IReadOnlyCollection<Guid> newCooperators)
    {
        var moves = new List<HolderMove>();
        if (oldLead != newLead)
        {
            moves.Add(new HolderMove(HolderRole.Lead, oldLead, newLead));
        }

        moves.AddRange(oldCooperators.Except(newCooperators).Select(a => new HolderMove(HolderRole.Cooperating, a, null)));
        moves.AddRange(newCooperators.Except(oldCooperators).Select(a => new HolderMove(HolderRole.Cooperating, null, a)));
        return moves;
    }

    /// <summary>The holders after <paramref name="predecessor"/> hands everything it holds to <paramref name="successor"/>.</summary>
    public static (Guid Lead, List<Guid> Cooperators) Succeed(Guid lead, IEnumerable<Guid> cooperators, Guid predecessor, Guid successor)
    {
        var newLead = lead == predecessor ? successor : lead;
        var newCooperators = cooperators.Select(a => a == predecessor ? successor : a).Where(a => a != newLead).Distinct().ToList();
        return (newLead, newCooperators);
    }
}
