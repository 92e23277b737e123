namespace Dti.Domain.Plans;

/// <summary>The kind of document a plan is: Kế hoạch, Chỉ thị, Công văn, Quyết định or a time-boxed campaign.</summary>
public enum PlanKind
{
    Plan,
    Directive,
    OfficialLetter,
    Decision,
    Campaign,
}

/// <summary>Draft → Issued → Closed, or Issued → Superseded by a newer plan.</summary>
public enum PlanStatus
{
    Draft,
    Issued,
    Closed,
    Superseded,
}

public enum PlanTaskStatus
{
    NotStarted,
    InProgress,
    Done,
    Cancelled,
}
