using Dti.Application.Clients.Commands.CreateClient;
using Dti.Application.Common.Interfaces;
using Dti.Domain.Clients;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dti.Api.Security;

/// <summary>
/// The first start of an empty installation creates one Coordinator client and prints its key once, on the
/// console only (never through the logger, whose output is shipped and kept). Off with <c>Auth:BootstrapCoordinator=false</c>.
/// </summary>
internal static class ClientBootstrap
{
    public const string ClientName = "Bootstrap coordinator";

    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        if (!scope.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.BootstrapCoordinator
            || await scope.ServiceProvider.GetRequiredService<IApplicationDbContext>().Clients.AnyAsync(cancellationToken))
        {
            return;
        }

        var created = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(
            new CreateClientCommand(new CreateClientInput(ClientName, null, [ClientRole.Coordinator], null, null)), cancellationToken)).Value;
        Console.WriteLine(
            $"Dti.Api: no clients existed, so Coordinator client {created.Client.Id} was created. Its API key, shown only this once: {created.ApiKey}");
    }
}
