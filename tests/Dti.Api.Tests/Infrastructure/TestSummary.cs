namespace Dti.Api.Tests.Infrastructure;

/// <summary>
/// Figures a test reports whether it passes or fails (the contract checks' requests, operations, violations, 5xx).
/// dotnet test shows no test output at its default verbosity, so scripts/test.sh names a file in DTI_TEST_SUMMARY
/// and prints it before its totals; the lines also go to the test's progress output.
/// </summary>
public static class TestSummary
{
    public const string FileVariable = "DTI_TEST_SUMMARY";

    private static readonly Lock Gate = new();

    public static void Write(string line)
    {
        TestContext.Progress.WriteLine(line);
        if (Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } file)
        {
            lock (Gate)
            {
                File.AppendAllText(file, line + Environment.NewLine);
            }
        }
    }
}
