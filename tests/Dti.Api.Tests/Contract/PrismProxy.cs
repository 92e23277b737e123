using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dti.Api.Tests.Infrastructure;

namespace Dti.Api.Tests.Contract;

/// <summary>
/// Prism (npm, pinned in tools/contract) as a validating proxy in front of the running API. It forwards every
/// request, returns the API's own response and adds an <c>sl-violations</c> header listing each place where the
/// request or the response breaks the contract; it also logs each violation as a <c>Violation:</c> line.
/// It runs without <c>--errors</c> on purpose: with it, Prism answers requests that break the contract itself
/// (the API's 400 and 401 would go unchecked) and replaces a violating response with its own 500, losing the
/// body the workflow needs for its next step.
/// </summary>
public sealed class PrismProxy : IAsyncDisposable
{
    public const string ToolsVariable = "DTI_CONTRACT_TOOLS";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private bool _stopped;

    private PrismProxy(Process process, ConcurrentQueue<string> output, Uri address)
    {
        _process = process;
        _output = output;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Every line Prism wrote to stdout and stderr so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    public static async Task<PrismProxy> StartAsync(string contract, Uri upstream)
    {
        var port = FreePort();
        var start = new ProcessStartInfo(Executable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "proxy", contract, upstream.GetLeftPart(UriPartial.Authority), "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        void Read(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            output.Enqueue(line.Data);
            if (line.Data.Contains("Prism is listening on", StringComparison.Ordinal))
            {
                listening.TrySetResult();
            }
        }

        process.OutputDataReceived += Read;
        process.ErrorDataReceived += Read;
        process.Exited += (_, _) => listening.TrySetException(new InvalidOperationException("Prism exited before it listened."));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var proxy = new PrismProxy(process, output, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await listening.Task.WaitAsync(StartTimeout);
        }
        catch (Exception e) when (e is TimeoutException or InvalidOperationException)
        {
            await proxy.DisposeAsync();
            throw new InvalidOperationException($"Prism did not start ({e.Message}). Its output:\n{string.Join('\n', output)}", e);
        }

        return proxy;
    }

    /// <summary>Stops Prism and everything it started; the output read so far stays available.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        _stopped = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        // Also waits until the redirected output has been read to its end.
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    /// <summary>The prism executable: from DTI_CONTRACT_TOOLS (set by scripts/test.sh), else tools/contract in this repository.</summary>
    private static string Executable()
    {
        var folder = Environment.GetEnvironmentVariable(ToolsVariable) is { Length: > 0 } tools
            ? tools
            : Path.Combine(Repository.Root, "tools", "contract", "node_modules", ".bin");
        var prism = Path.Combine(folder, "prism");
        return File.Exists(prism)
            ? prism
            : throw new InvalidOperationException(
                $"Prism was not found at {prism}. Run the tests with scripts/test.sh, which installs it, or run 'npm ci' in tools/contract.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
