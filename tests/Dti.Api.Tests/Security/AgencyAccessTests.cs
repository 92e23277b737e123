using Dti.Application.Common.Exceptions;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Security;
using Dti.Domain.Clients;

namespace Dti.Api.Tests.Security;

/// <summary>Object-level access: another agency's object is "not found", exactly like one that does not exist.</summary>
public sealed class AgencyAccessTests
{
    private static readonly Guid Own = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();

    [Test]
    public void AReporterReachesItsOwnAgencysObjects() =>
        Assert.DoesNotThrow(() => Caller(ClientRole.AgencyReporter, Own).EnsureActsFor(Own, "Task", "1"));

    [Test]
    public void AnotherAgencysObjectIsNotFound()
    {
        var ex = Assert.Throws<NotFoundException>(() => Caller(ClientRole.AgencyReporter, Own).EnsureActsFor(Other, "Task", "7"));

        Assert.That(ex!.Message, Is.EqualTo(new NotFoundException("Task", "7").Message), "same answer as for a missing object");
    }

    [Test]
    public void ACoordinatorActsForEveryAgency() =>
        Assert.DoesNotThrow(() => Caller(ClientRole.Coordinator).EnsureActsFor(Other, "Task", "1"));

    [Test]
    public void AReaderWithoutAgenciesActsForNone() =>
        Assert.Throws<NotFoundException>(() => Caller(ClientRole.Reader).EnsureActsFor(Own, "Task", "1"));

    private static ICurrentClient Caller(ClientRole role, params Guid[] agencies) => new Fixed(role, agencies);

    private sealed class Fixed(ClientRole role, Guid[] agencies) : ICurrentClient
    {
        public bool IsAuthenticated => true;

        public string? ClientId => "test";

        public string? Name => "test";

        public IReadOnlyCollection<ClientRole> Roles => [role];

        public IReadOnlyCollection<Guid> AgencyIds => agencies;

        public bool IsCoordinator => role == ClientRole.Coordinator;

        public Guid? ActingAgencyId => agencies.Length == 1 ? agencies[0] : null;

        public string? RequestId => null;

        public bool ActsFor(Guid agencyId) => IsCoordinator || agencies.Contains(agencyId);
    }
}
