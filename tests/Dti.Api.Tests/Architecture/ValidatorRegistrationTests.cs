using Dti.Application;
using Dti.Application.Agencies.Queries.ListAgencies;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.Api.Tests.Architecture;

/// <summary>Validators are registered once, as singletons that need no service but the clock, so none is rebuilt per request.</summary>
public sealed class ValidatorRegistrationTests
{
    private static List<ServiceDescriptor> Validators() =>
        [.. new ServiceCollection().AddApplication().Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>))];

    [Test]
    public void EveryValidatorIsASingleton()
    {
        var validators = Validators();

        Assert.That(validators.Select(d => d.ImplementationType), Does.Contain(typeof(ListAgenciesValidator)));
        Assert.That(validators.Where(d => d.Lifetime != ServiceLifetime.Singleton).Select(d => d.ImplementationType), Is.Empty);
    }

    [Test]
    public void ValidatorsNeedNothingButTheClock()
    {
        IServiceCollection services = new ServiceCollection().AddSingleton(TimeProvider.System);
        foreach (var validator in Validators())
        {
            services.Add(validator);
        }

        // Building with only the validators and the clock fails if any of them needs another (say, scoped) service.
        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var first = provider.GetService<IValidator<ListAgenciesQuery>>();

        Assert.That(provider.GetService<IValidator<ListAgenciesQuery>>(), Is.Not.Null.And.SameAs(first));
    }
}
