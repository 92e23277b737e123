using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;

namespace Dti.Infrastructure.Persistence.Auditing;

/// <summary>
/// Whom one scope's writes are recorded under: the calling client and the agency its request declared. Contexts are
/// pooled and the interceptors shared, so the scope hands its actor to the context it rents (see
/// <see cref="DtiDbContext.Actor"/>); a context without one writes as the application itself.
/// </summary>
public sealed record AuditActor(ICurrentClient Client, AgencyContext Agency);
