using Dti.Domain.Clients;
using Dti.Domain.Common;

namespace Dti.Domain.Tests.Clients;

public class ApiClientTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch;
    private static readonly IssuedKey Key = new("0123456789abcdef", new string('a', ClientLimits.KeyHashLength));

    private static ApiClient Register(IEnumerable<ClientRole> roles, IEnumerable<Guid> agencies) =>
        ApiClient.Register("Hệ thống báo cáo", null, roles, agencies, null, Key, Now);

    [Test]
    public void RolesComeOnceInTheOrderOfClientRoleAndAgenciesOnceInTheOrderGiven()
    {
        var (health, police) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        var client = Register([ClientRole.Reader, ClientRole.AgencyReporter, ClientRole.Reader], [police, health, police]);

        Assert.That(client.Roles, Is.EqualTo(new[] { ClientRole.AgencyReporter, ClientRole.Reader }));
        Assert.That(client.AgencyIds, Is.EqualTo(new[] { police, health }));
        Assert.That(client.RoleGrants.Select(r => r.Position), Is.EquivalentTo(new[] { 0, 1 }));
    }

    [Test]
    public void TheRoleLimitIsRoomForEveryRoleOnce() =>
        Assert.That(Enum.GetValues<ClientRole>(), Has.Length.EqualTo(ClientLimits.MaxRoles));

    [Test]
    public void AClientActsForAtMostTheLimitOfAgencies() =>
        Assert.That(
            () => Register([ClientRole.AgencyReporter], Enumerable.Range(0, ClientLimits.MaxAgencies + 1).Select(_ => Guid.CreateVersion7())),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Field)).EqualTo("agencyIds"));
}
