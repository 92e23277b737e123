using System.Globalization;
using Dti.Application.Clients.Commands.CreateClient;
using Dti.Application.Common.Exceptions;
using Dti.Domain.Clients;
using Dti.Domain.Common;
using Dti.Infrastructure.Persistence;
using MediatR;
using Microsoft.Extensions.Options;

namespace Dti.Api;

/// <summary>
/// The verbs the API runs instead of serving: <c>migrate</c>, <c>sample-data</c> (migrate, then load the seeds' sample data), and
/// <c>create-client --name X --role Coordinator [--role …] [--agency &lt;guid&gt; …] [--contact …] [--expires 2027-12-31]</c>,
/// which prints the new client's key once.
/// </summary>
internal static class CommandLine
{
    public const string Usage = "Usage: create-client --name <name> --role <Coordinator|AgencyReporter|Ministry|Reader> [--role …] [--agency <guid> …] [--contact <text>] [--expires <yyyy-MM-dd>]";

    /// <summary>Runs the verb <paramref name="args"/> name and returns the exit code; null when there is no verb (serve).</summary>
    public static async Task<int?> RunAsync(WebApplication app, string[] args)
    {
        if (args.Contains("migrate", StringComparer.OrdinalIgnoreCase))
        {
            await DatabaseStartup.RunAsync(app.Services, migrate: true, CancellationToken.None);
            Console.WriteLine("Dti.Api: database migrated.");
            return 0;
        }

        if (args.Contains("sample-data", StringComparer.OrdinalIgnoreCase))
        {
            await DatabaseStartup.LoadSampleDataAsync(app.Services, CancellationToken.None);
            Console.WriteLine("Dti.Api: database migrated and sample data loaded.");
            return 0;
        }

        var verb = Array.FindIndex(args, a => string.Equals(a, "create-client", StringComparison.OrdinalIgnoreCase));
        return verb < 0 ? null : await CreateClientAsync(app, args[(verb + 1)..]);
    }

    private static async Task<int> CreateClientAsync(WebApplication app, string[] options)
    {
        if (!TryParse(options, out var input, out var error))
        {
            await Console.Error.WriteLineAsync($"Dti.Api: {error}{Environment.NewLine}{Usage}");
            return 2;
        }

        var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await DatabaseStartup.RunAsync(app.Services, database.MigrateOnStartup, CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var created = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new CreateClientCommand(input), CancellationToken.None)).Value;
            Console.WriteLine($"Dti.Api: created client {created.Client.Id} ('{created.Client.Name}', {string.Join(", ", created.Client.Roles)}). Its API key, shown only this once: {created.ApiKey}");
            return 0;
        }
        catch (ValidationException ex)
        {
            await Console.Error.WriteLineAsync($"Dti.Api: {string.Join(" ", ex.Errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")))}");
            return 2;
        }
        catch (DomainException ex)
        {
            await Console.Error.WriteLineAsync($"Dti.Api: {ex.Message}");
            return 2;
        }
    }

    private static bool TryParse(string[] options, out CreateClientInput input, out string error)
    {
        string? name = null, contact = null;
        DateTimeOffset? expires = null;
        var roles = new List<ClientRole>();
        var agencies = new List<Guid>();
        input = null!;
        error = string.Empty;
        for (var i = 0; i < options.Length; i += 2)
        {
            var value = i + 1 < options.Length ? options[i + 1] : null;
            if (value is null)
            {
                error = $"'{options[i]}' needs a value.";
                return false;
            }

            switch (options[i])
            {
                case "--name":
                    name = value;
                    break;
                case "--contact":
                    contact = value;
                    break;
                case "--role" when Enum.TryParse<ClientRole>(value, ignoreCase: true, out var role) && Enum.IsDefined(role):
                    roles.Add(role);
                    break;
                case "--agency" when Guid.TryParse(value, out var agency):
                    agencies.Add(agency);
                    break;
                case "--expires" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date):
                    // An expiry date means "valid through that day, Vietnamese time".
                    expires = new DateTimeOffset(date.AddDays(1).ToDateTime(TimeOnly.MinValue), VietnamClock.Offset);
                    break;
                default:
                    error = $"'{options[i]} {value}' is not understood.";
                    return false;
            }
        }

        input = new CreateClientInput(name ?? string.Empty, contact, roles, agencies, expires);
        return true;
    }
}
