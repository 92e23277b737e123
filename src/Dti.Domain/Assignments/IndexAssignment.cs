using Dti.Domain.Agencies;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;
using Dti.Domain.Plans;

namespace Dti.Domain.Assignments;

/// <summary>
/// Who answers for one index (main or component) under a plan: exactly one lead agency (đơn vị chủ trì),
/// any cooperating agencies (đơn vị phối hợp), optionally a responsible person and a target.
/// Every change of holders is kept as history.
/// </summary>
public sealed class IndexAssignment : AggregateRoot
{
    private readonly List<AssignmentCooperator> _cooperators = [];
    private readonly List<AssignmentHolderChange> _history = [];

    private IndexAssignment()
    {
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public string IndexCode { get; private set; } = null!;

    public Guid LeadAgencyId { get; private set; }

    public string? ResponsiblePersonName { get; private set; }

    public string? ResponsiblePersonTitle { get; private set; }

    public decimal? TargetValue { get; private set; }

    public decimal? TargetPoints { get; private set; }

    public bool IsSample { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyList<AssignmentCooperator> Cooperators => _cooperators;

    public IReadOnlyList<AssignmentHolderChange> History => _history;

    /// <summary>Assigns an index of <paramref name="governing"/> (the framework of the plan's first assessment year) to a lead agency.</summary>
    public static IndexAssignment Create(
        Plan plan, Framework governing, string indexCode, Guid leadAgencyId, IReadOnlyList<Guid>? cooperatingAgencyIds, AssignmentTerms terms, DateTimeOffset now)
    {
        plan.EnsureOpen();
        var code = Guard.Text(indexCode, "indexCode", FrameworkLimits.IndexCodeMaxLength);
        var maxPoints = MaxPointsOf(governing, code)
            ?? throw new DomainException("assignment.unknown-index", $"Index '{code}' is not in framework '{governing.Code}', which governs assessment year {plan.FirstAssessmentYear}.", "indexCode");
        var cooperators = Holders.CheckCooperators(leadAgencyId, cooperatingAgencyIds, "assignment");
        var assignment = new IndexAssignment
        {
            Id = Identifiers.NewVersion7(),
            PlanId = plan.Id,
            IndexCode = governing.MainIndices.Select(m => m.Code).Concat(governing.ComponentIndices.Select(c => c.Code))
                .First(c => string.Equals(c, code, StringComparison.OrdinalIgnoreCase)),
            LeadAgencyId = leadAgencyId,
            CreatedAt = now,
        };
        assignment._cooperators.AddRange(cooperators.Select(a => new AssignmentCooperator(assignment.Id, a)));
        assignment.ApplyTerms(terms, maxPoints, now);
        assignment.Raise(new IndexAssignmentCreated(assignment.Id, plan.Id, assignment.IndexCode, leadAgencyId, cooperators));
        return assignment;
    }

    /// <summary>Changes the person and targets; the holders change only through <see cref="Reassign"/>.</summary>
    public void Amend(Plan plan, Framework governing, AssignmentTerms terms, DateTimeOffset now)
    {
        plan.EnsureOpen();
        ApplyTerms(terms, MaxPointsOf(governing, IndexCode) ?? 0, now);
    }

    /// <summary>Gives the index a new lead and/or new cooperators, recording who held it before, when and why.</summary>
    public void Reassign(Plan plan, Guid? newLead, IReadOnlyList<Guid>? newCooperators, string reason, DateTimeOffset now)
    {
        plan.EnsureOpen();
        var why = Guard.Text(reason, "reason", AssignmentLimits.ReasonMaxLength);
        var lead = newLead ?? LeadAgencyId;
        var cooperators = Holders.CheckCooperators(lead, newCooperators ?? CooperatorIds().Where(a => a != lead).ToList(), "assignment");
        var moves = Holders.Diff(LeadAgencyId, CooperatorIds(), lead, cooperators);
        if (moves.Count == 0)
        {
            throw new DomainException("assignment.no-change", "The new holders are the current ones; nothing to reassign.", "leadAgencyId");
        }

        ChangeHolders(lead, cooperators, HolderChangeKind.Reassignment, why);
        _history.AddRange(moves.Select(m => new AssignmentHolderChange(Id, m, HolderChangeKind.Reassignment, why, now)));
        Touch(now);
    }

    /// <summary>Hands everything <paramref name="predecessor"/> holds on this assignment to its successor.</summary>
    public void HandOver(Guid predecessor, Guid successor, string reason, DateTimeOffset now)
    {
        var (lead, cooperators) = Holders.Succeed(LeadAgencyId, CooperatorIds(), predecessor, successor);
        var moves = Holders.Diff(LeadAgencyId, CooperatorIds(), lead, cooperators);
        ChangeHolders(lead, cooperators, HolderChangeKind.Succession, reason);
        _history.AddRange(moves.Select(m => new AssignmentHolderChange(Id, m, HolderChangeKind.Succession, reason, now)));
        Touch(now);
    }

    public List<Guid> CooperatorIds() => [.. _cooperators.Select(c => c.AgencyId)];

    /// <summary>The maximum points of a main or component index of the framework; null when the framework has no such index.</summary>
    public static decimal? MaxPointsOf(Framework framework, string code)
    {
        var main = framework.MainIndices.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));
        if (main is not null)
        {
            return main.MaxPoints ?? FrameworkLimits.MaxIndexPoints;
        }

        var component = framework.ComponentIndices.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase));
        return component is null ? null : component.MaxPoints ?? FrameworkLimits.MaxIndexPoints;
    }

    private void ApplyTerms(AssignmentTerms terms, decimal maxPoints, DateTimeOffset now)
    {
        var points = DecimalKind.Points.Round(terms.TargetPoints);
        if (points is < 0)
        {
            throw new DomainException("points-range", "'targetPoints' cannot be negative.", "targetPoints");
        }

        if (points > maxPoints)
        {
            throw new DomainException("assignment.points-exceed-max", $"'targetPoints' ({points:0.##}) exceed the {maxPoints:0.##} points index '{IndexCode}' is worth.", "targetPoints");
        }

        ResponsiblePersonName = Guard.OptionalText(terms.ResponsiblePersonName, "responsiblePersonName", AssignmentLimits.PersonNameMaxLength);
        ResponsiblePersonTitle = Guard.OptionalText(terms.ResponsiblePersonTitle, "responsiblePersonTitle", AssignmentLimits.PersonTitleMaxLength);
        TargetValue = DecimalKind.IndexValue.Round(terms.TargetValue);
        TargetPoints = points;
        IsSample = terms.IsSample;
        Touch(now);
    }

    private void ChangeHolders(Guid lead, List<Guid> cooperators, HolderChangeKind kind, string reason)
    {
        var (previousLead, previousCooperators) = (LeadAgencyId, CooperatorIds());
        LeadAgencyId = lead;
        _cooperators.RemoveAll(c => !cooperators.Contains(c.AgencyId));
        _cooperators.AddRange(cooperators.Where(a => _cooperators.TrueForAll(c => c.AgencyId != a)).Select(a => new AssignmentCooperator(Id, a)));
        Raise(new IndexAssignmentReassigned(Id, PlanId, IndexCode, kind, previousLead, previousCooperators, lead, CooperatorIds(), reason));
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }
}

/// <summary>The person and targets of an assignment.</summary>
public sealed record AssignmentTerms(string? ResponsiblePersonName, string? ResponsiblePersonTitle, decimal? TargetValue, decimal? TargetPoints, bool IsSample);

/// <summary>A cooperating agency of an assignment.</summary>
public sealed class AssignmentCooperator
{
    private AssignmentCooperator()
    {
    }

    internal AssignmentCooperator(Guid assignmentId, Guid agencyId)
    {
        Id = Identifiers.NewVersion7();
        AssignmentId = assignmentId;
        AgencyId = agencyId;
    }

    public Guid Id { get; private set; }

    public Guid AssignmentId { get; private set; }

    public Guid AgencyId { get; private set; }
}

/// <summary>A change of holder on an assignment (see <see cref="HolderChange"/>).</summary>
public sealed class AssignmentHolderChange : HolderChange
{
    private AssignmentHolderChange()
    {
    }

    internal AssignmentHolderChange(Guid assignmentId, HolderMove move, HolderChangeKind kind, string? reason, DateTimeOffset recordedAt)
        : base(move, kind, reason, recordedAt)
    {
        AssignmentId = assignmentId;
    }

    public Guid AssignmentId { get; private set; }
}
