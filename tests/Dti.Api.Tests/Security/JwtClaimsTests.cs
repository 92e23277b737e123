using System.Security.Claims;
using Dti.Api.Security;

namespace Dti.Api.Tests.Security;

/// <summary>Bearer tokens map to the same claims as API keys: roles from <c>roles</c>/<c>role</c>, agencies from <c>agency_id</c>.</summary>
public sealed class JwtClaimsTests
{
    [Test]
    public void RolesAndAgenciesAreTakenFromTheToken()
    {
        var agency = Guid.NewGuid();
        var token = new ClaimsPrincipal(new ClaimsIdentity(
        [
            new Claim("sub", "svc-reporting"),
            new Claim("name", "Reporting service"),
            new Claim("roles", "AgencyReporter"),
            new Claim("role", "Reader"),
            new Claim("roles", "Administrator"),
            new Claim("agency_id", agency.ToString()),
            new Claim("agency_id", "not-a-guid"),
        ], "jwt"));

        var mapped = JwtClaims.Map(token);

        Assert.That(mapped.FindFirst(ClaimTypes.NameIdentifier)?.Value, Is.EqualTo("svc-reporting"));
        Assert.That(mapped.Identity?.Name, Is.EqualTo("Reporting service"));
        Assert.That(mapped.FindAll(ClaimTypes.Role).Select(c => c.Value), Is.EquivalentTo(new[] { "AgencyReporter", "Reader" }), "unknown roles grant nothing");
        Assert.That(mapped.IsInRole("AgencyReporter"), Is.True);
        Assert.That(mapped.FindAll("agency_id").Select(c => c.Value), Is.EqualTo(new[] { agency.ToString() }));
    }
}
