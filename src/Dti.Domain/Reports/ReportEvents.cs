using Dti.Domain.Common;

namespace Dti.Domain.Reports;

/// <summary>A report was submitted and frozen as version <paramref name="VersionNumber"/>.</summary>
public sealed record ReportSubmitted(
    Guid ReportId, Guid AgencyId, ReportKind Kind, int VersionNumber, int Revision, ReportTimeliness Timeliness, int WorkingDaysLate, string ContentHash) : IDomainEvent;

/// <summary>A submitted report was taken back by its agency before review.</summary>
public sealed record ReportWithdrawn(Guid ReportId, Guid AgencyId, ReportKind Kind, int VersionNumber) : IDomainEvent;

/// <summary>A submitted report was accepted by its reviewer.</summary>
public sealed record ReportAccepted(Guid ReportId, Guid AgencyId, ReportKind Kind, int VersionNumber, int Revision) : IDomainEvent;

/// <summary>A submitted report was sent back, with a reason overall and/or notes on the listed indices.</summary>
public sealed record ReportReturned(Guid ReportId, Guid AgencyId, ReportKind Kind, int VersionNumber, string? Reason, IReadOnlyList<string> IndexCodes) : IDomainEvent;

/// <summary>A returned report became a draft again (reopened, or edited directly).</summary>
public sealed record ReportReopened(Guid ReportId, Guid AgencyId, ReportKind Kind, int Revision) : IDomainEvent;

/// <summary>An accepted report is being corrected as a new revision.</summary>
public sealed record ReportRevised(Guid ReportId, Guid AgencyId, ReportKind Kind, int Revision) : IDomainEvent;

/// <summary>A coordinator or lead agency asked agencies for reports.</summary>
public sealed record ReportRequestIssued(Guid RequestId, ReportRequestKind Kind, Guid IssuerAgencyId, IReadOnlyList<Guid> AskedAgencyIds, DateOnly DueDate) : IDomainEvent;
