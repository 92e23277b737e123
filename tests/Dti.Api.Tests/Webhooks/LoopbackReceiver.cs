using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dti.Api.Tests.Webhooks;

/// <summary>
/// A webhook receiver on a real loopback port (Kestrel on 127.0.0.1:0): records every request as it arrives and
/// answers — after <see cref="Delay"/>, when set — with the status codes it was told to give, then 200; or, when
/// <see cref="RedirectTo"/> is set, with a 307 to that URL.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();

    private LoopbackReceiver(WebApplication app) => _app = app;

    /// <summary>The receiver's URL, e.g. <c>http://127.0.0.1:41234/hooks</c>.</summary>
    public string Url { get; private set; } = null!;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

    /// <summary>How long each request waits for its answer (a slow receiver); none by default.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>When set, every request is answered <c>307 Temporary Redirect</c> to this URL.</summary>
    public string? RedirectTo { get; set; }

    public static async Task<LoopbackReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Receiver" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LoopbackReceiver(app);
        app.MapPost("/hooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            receiver.Received.Enqueue(new ReceivedWebhook(
                request.Headers["Dti-Webhook-Id"].ToString(), request.Headers["Dti-Webhook-Type"].ToString(), request.Headers["Dti-Webhook-Signature"].ToString(), body)
            {
                Query = request.QueryString.Value ?? string.Empty,
            });
            if (receiver.Delay > TimeSpan.Zero)
            {
                await Task.Delay(receiver.Delay);
            }

            return receiver.RedirectTo is { } target
                ? Microsoft.AspNetCore.Http.Results.Redirect(target, permanent: false, preserveMethod: true)
                : Microsoft.AspNetCore.Http.Results.StatusCode(receiver._answers.TryDequeue(out var status) ? status : StatusCodes.Status200OK);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = $"{address.TrimEnd('/')}/hooks";
        return receiver;
    }

    /// <summary>The next requests are answered with these status codes, in order.</summary>
    public void AnswerNext(params int[] statusCodes) => Array.ForEach(statusCodes, _answers.Enqueue);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>What one webhook request carried; <see cref="Query"/> tells apart subscriptions sharing the receiver.</summary>
public sealed record ReceivedWebhook(string Id, string Type, string Signature, string Body)
{
    public string Query { get; init; } = string.Empty;
}
