using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Dti.Api.Tests.Infrastructure;

/// <summary>
/// The built API (<see cref="Repository.ApiAssembly"/>) as a real operating-system process, configured only by
/// environment variables as an operator would: either run to exit (<see cref="RunAsync"/>, for the verbs and
/// start-up failures) or started and serving on a free port (<see cref="StartAsync"/>) until disposed.
/// </summary>
public sealed partial class ApiProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ApiProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public Uri Address { get; private set; } = null!;

    /// <summary>Everything the process wrote so far, standard output and error.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Runs the API with <paramref name="args"/> until it exits; fails the test if it has not within two minutes.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Process.Start(StartInfo(environment, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartLimit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("the API did not stop by itself");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Starts the API serving on a free local port and waits until it listens.</summary>
    public static async Task<ApiProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = StartInfo(environment);
        start.Environment["Urls"] = "http://127.0.0.1:0";
        var api = new ApiProcess(Process.Start(start)!);
        api._process.OutputDataReceived += (_, e) => api.Read(e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Read(e.Data);
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();

        var exited = api._process.WaitForExitAsync();
        var first = await Task.WhenAny(api._listening.Task, exited, Task.Delay(StartLimit));
        if (first != api._listening.Task)
        {
            await api.DisposeAsync();
            Assert.Fail($"the API did not start listening:{Environment.NewLine}{api.Output}");
        }

        api.Address = await api._listening.Task;
        return api;
    }

    /// <summary>An HttpClient for this process that sends <paramref name="apiKey"/>.</summary>
    public HttpClient CreateClient(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Add(ApiTestBase.ApiKeyHeader, apiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        Assert.That(File.Exists(Repository.ApiAssembly), Is.True, $"built API not found at {Repository.ApiAssembly}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Repository.ApiAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Repository.ApiAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase) || k.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Database__SqlitePath"] = Path.Combine(Path.GetTempPath(), $"dti-start-{Guid.NewGuid():N}.db");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return start;
    }

    private void Read(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (ListeningOn().Match(line) is { Success: true } match)
        {
            _listening.TrySetResult(new Uri(match.Groups[1].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
