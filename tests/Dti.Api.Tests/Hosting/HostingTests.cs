using System.Net;
using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Hosting;

public sealed class HostingTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task LivenessAndReadinessAreHealthy()
    {
        var live = await Client.GetAsync("/health/live");
        var ready = await Client.GetAsync("/health/ready");

        Assert.That(live.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(ready.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await ready.Content.ReadAsStringAsync(), Is.EqualTo("Healthy"));
    }

    [Test]
    public async Task SwaggerUiIsServed()
    {
        var response = await Client.GetAsync("/swagger/index.html");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("swagger-ui"));
    }

    [Test]
    public async Task AnUnknownRouteIsAProblemNotAnEmptyPage() =>
        await (await Client.GetAsync("/api/v1/nothing-here")).AssertProblem(HttpStatusCode.NotFound);

    [Test]
    public async Task AnUnsupportedMethodIsAProblem() =>
        await (await Client.DeleteAsync("/api/v1/frameworks")).AssertProblem(HttpStatusCode.MethodNotAllowed);
}
