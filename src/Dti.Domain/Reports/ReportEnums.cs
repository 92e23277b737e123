namespace Dti.Domain.Reports;

/// <summary>What a report answers.</summary>
public enum ReportKind
{
    /// <summary>A periodic report against an obligation: agency × plan × reporting rule × period, as <c>/obligations</c> computes it.</summary>
    Periodic,

    /// <summary>An ad hoc (đột xuất) report against a request the coordinator issued.</summary>
    AdHoc,

    /// <summary>A cooperating agency's contribution to the lead agency of an index, against a request the lead issued.</summary>
    Contribution,
}

/// <summary>Where a report stands in <see cref="ReportLifecycle"/>.</summary>
public enum ReportState
{
    Draft,
    Submitted,
    Returned,
    Accepted,
}

/// <summary>What can be done to a report (the rows of <see cref="ReportLifecycle"/>).</summary>
public enum ReportAction
{
    /// <summary>Replace the content of a draft, or of a returned report (which makes it a draft again).</summary>
    Edit,
    Submit,

    /// <summary>Take a submitted report back before it is reviewed.</summary>
    Withdraw,
    Accept,

    /// <summary>Send a submitted report back with a reason overall and/or per index.</summary>
    Return,

    /// <summary>Make a returned report a draft again without changing it yet.</summary>
    Reopen,

    /// <summary>Correct an accepted report: a new revision, a draft again, to be accepted again.</summary>
    Revise,
}

/// <summary>Whether a submission came by the obligation's (or request's) last allowed instant.</summary>
public enum ReportTimeliness
{
    OnTime,
    Late,
}

/// <summary>What became of a frozen version.</summary>
public enum ReportVersionOutcome
{
    /// <summary>Submitted and not yet reviewed.</summary>
    Pending,

    /// <summary>Taken back by its agency before review; it does not count as the report's submission.</summary>
    Withdrawn,
    Returned,
    Accepted,
}

/// <summary>The three sections Vietnamese administrative reports use.</summary>
public enum ReportSection
{
    /// <summary>Kết quả đạt được.</summary>
    Results,

    /// <summary>Tồn tại, hạn chế, khó khăn.</summary>
    Difficulties,

    /// <summary>Kiến nghị, đề xuất.</summary>
    Proposals,
}

/// <summary>Who a report request asks: the coordinator asking agencies (ad hoc), or a lead asking its cooperators (contribution).</summary>
public enum ReportRequestKind
{
    AdHoc,
    Contribution,
}
