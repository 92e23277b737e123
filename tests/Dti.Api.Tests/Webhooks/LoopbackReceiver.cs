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
/// A webhook receiver on a real loopback port (Kestrel on 127.0.0.1:0): records every request it gets and answers
/// with the status codes it was told to give, then 200.
/// </summary>
public sealed class LoopbackReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _answers = new();

    private LoopbackReceiver(WebApplication app) => _app = app;

    /// <summary>The receiver's URL, e.g. <c>http://127.0.0.1:41234/hooks</c>.</summary>
    public string Url { get; private set; } = null!;

    public ConcurrentQueue<ReceivedWebhook> Received { get; } = new();

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
                request.Headers["Dti-Webhook-Id"].ToString(), request.Headers["Dti-Webhook-Type"].ToString(), request.Headers["Dti-Webhook-Signature"].ToString(), body));
            return Microsoft.AspNetCore.Http.Results.StatusCode(receiver._answers.TryDequeue(out var status) ? status : StatusCodes.Status200OK);
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

/// <summary>What one webhook request carried.</summary>
public sealed record ReceivedWebhook(string Id, string Type, string Signature, string Body);
