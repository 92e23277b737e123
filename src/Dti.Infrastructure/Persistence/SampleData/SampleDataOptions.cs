namespace Dti.Infrastructure.Persistence.SampleData;

/// <summary>The <c>SampleData</c> configuration section.</summary>
public sealed class SampleDataOptions
{
    public const string Section = "SampleData";

    /// <summary>Load the sample agencies, plans, tasks, assignments and reports when the API starts (also: the <c>sample-data</c> verb).</summary>
    public bool Load { get; set; }
}
