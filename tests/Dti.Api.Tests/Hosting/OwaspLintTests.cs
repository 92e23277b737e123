using System.Diagnostics;
using System.Text.Json;
using Dti.Api.Tests.Infrastructure;

namespace Dti.Api.Tests.Hosting;

/// <summary>
/// Spectral with the OpenAPI rules and the OWASP API Security Top 10 ruleset over the committed contract, with the
/// repository's <c>.spectral.yaml</c> (which turns off only the rules that do not apply, each with its reason): no errors.
/// </summary>
public sealed class OwaspLintTests
{
    private const int Error = 0;
    private const int Warning = 1;

    [Test]
    public async Task TheContractHasNoSpectralErrors()
    {
        var findings = await LintAsync();

        var errors = findings.Where(f => f.GetProperty("severity").GetInt32() == Error).Select(Describe).ToList();
        var warnings = findings.Count(f => f.GetProperty("severity").GetInt32() == Warning);
        await TestContext.Out.WriteLineAsync($"Spectral (spectral:oas + OWASP API Security): {errors.Count} errors, {warnings} warnings in openapi/v1.json");
        foreach (var warning in findings.Where(f => f.GetProperty("severity").GetInt32() == Warning).Select(Describe))
        {
            await TestContext.Out.WriteLineAsync("  warning " + warning);
        }

        Assert.That(errors, Is.Empty, "Spectral errors in openapi/v1.json:\n" + string.Join('\n', errors));
    }

    private static async Task<List<JsonElement>> LintAsync()
    {
        var tools = Environment.GetEnvironmentVariable("DTI_CONTRACT_TOOLS") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Repository.Root, "tools", "contract", "node_modules", ".bin");
        var spectral = Path.Combine(tools, "spectral");
        Assert.That(File.Exists(spectral), Is.True, $"{spectral} is missing: run scripts/test.sh, or 'npm ci' in tools/contract");

        var start = new ProcessStartInfo(spectral)
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "lint", "openapi/v1.json", "--ruleset", ".spectral.yaml", "--format", "json", "--quiet" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        // Spectral exits non-zero when it finds errors; its JSON report says which.
        var report = (await output).Trim();
        Assert.That(report, Does.StartWith("["), $"Spectral did not report (exit code {process.ExitCode}): {await error}{report}");
        using var json = JsonDocument.Parse(report);
        return [.. json.RootElement.EnumerateArray().Select(f => f.Clone())];
    }

    private static string Describe(JsonElement finding) =>
        $"{finding.GetProperty("code").GetString()} at {string.Join('.', finding.GetProperty("path").EnumerateArray().Select(p => p.ToString()))}: {finding.GetProperty("message").GetString()}";
}
