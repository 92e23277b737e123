namespace Dti.Api;

/// <summary>Where the API finds its settings and where it listens when the operator says nothing.</summary>
internal static class HostSettings
{
    public const string DefaultUrl = "http://localhost:5000";

    private const string SettingsFile = "appsettings.json";

    /// <summary>
    /// The content root (settings file, relative SQLite path) is the working directory when it holds the API's
    /// <c>appsettings.json</c> — the project folder under <c>dotnet run</c>, the publish folder when started there — and
    /// otherwise the folder of <c>Dti.Api.dll</c>, so <c>dotnet /opt/dti/Dti.Api.dll</c> reads its own settings from
    /// anywhere. An explicit <c>--contentRoot</c> or <c>ASPNETCORE_CONTENTROOT</c> wins.
    /// </summary>
    public static WebApplicationOptions Options(string[] args)
    {
        var chosen = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build()[HostDefaults.ContentRootKey];
        var ownFolder = chosen is null && !File.Exists(Path.Combine(Directory.GetCurrentDirectory(), SettingsFile))
            ? AppContext.BaseDirectory
            : null;
        return new WebApplicationOptions { Args = args, ContentRootPath = ownFolder };
    }

    /// <summary>
    /// Listens on <see cref="DefaultUrl"/> unless an address is configured (<c>ASPNETCORE_URLS</c>, <c>--urls</c>, <c>Urls</c>,
    /// <c>ASPNETCORE_HTTP_PORTS</c>, <c>Kestrel:Endpoints</c>). Set here, not in appsettings.json, where it would override
    /// the standard variables.
    /// </summary>
    public static void ListenOnDefaultUrlUnlessConfigured(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        string[] addressKeys = [WebHostDefaults.ServerUrlsKey, WebHostDefaults.HttpPortsKey, WebHostDefaults.HttpsPortsKey];
        if (addressKeys.All(key => string.IsNullOrWhiteSpace(configuration[key])) && !configuration.GetSection("Kestrel:Endpoints").Exists())
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }
    }
}
