namespace Dti.Api.Tests.Infrastructure;

/// <summary>
/// The SQL commands the application executes, from EF's "Executed DbCommand" log, to count the statements a request
/// takes. A fixture passes <see cref="Settings"/> and <see cref="Logs"/> to its <see cref="DtiApiFactory"/>.
/// </summary>
public sealed class CommandLog : IDisposable
{
    /// <summary>
    /// Makes EF log every executed command (category Microsoft.EntityFrameworkCore.Database.Command, Information), with no
    /// background dispatching (outbox, webhooks), whose polls would land among a request's statements.
    /// </summary>
    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        [$"Logging:LogLevel:{Category}"] = "Information",
        ["Outbox:DispatchInBackground"] = "false",
        ["Webhooks:DispatchInBackground"] = "false",
    };

    /// <summary><see cref="Settings"/>, with API keys read on every request (no key cache), so every run of a request counts the same statements.</summary>
    public static IReadOnlyDictionary<string, string?> SettingsWithoutKeyCache { get; } =
        new Dictionary<string, string?>(Settings) { ["Auth:KeyCacheSeconds"] = "0" };

    private const string Category = "Microsoft.EntityFrameworkCore.Database.Command";

    public CapturingLoggerProvider Logs { get; } = new();

    /// <summary>Where the log stands now: pass it to <see cref="ExecutedSince"/> after the request.</summary>
    public int Mark => Logs.Messages.Count;

    /// <summary>The commands executed since <paramref name="mark"/>, each as its log line (with its SQL).</summary>
    public IReadOnlyList<string> ExecutedSince(int mark) =>
        [.. Logs.Messages.Skip(mark).Where(m => m.StartsWith(Category, StringComparison.Ordinal) && m.Contains("Executed DbCommand", StringComparison.Ordinal))];

    public void Dispose() => Logs.Dispose();
}
