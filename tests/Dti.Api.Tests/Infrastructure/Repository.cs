namespace Dti.Api.Tests.Infrastructure;

/// <summary>Finds files of the repository (the committed OpenAPI contract, the built API) from the test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string BuildConfiguration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string ApiAssembly => Path.Combine(Root, "src", "Dti.Api", "bin", BuildConfiguration, "net10.0", "Dti.Api.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dti.Api.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Dti.Api.sln not found above the test output folder.");
    }
}
