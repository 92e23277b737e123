using System.Globalization;
using Dti.Domain.Common;
using Dti.Domain.Frameworks;

namespace Dti.Domain.Results;

/// <summary>
/// One import of official figures that changed something: when, which assessment years the file held, and how many
/// figures it added, revised and left as they were. Recording it is what tells others (<see cref="OfficialResultsImported"/>)
/// once per import rather than once per figure; an import that changes nothing is not recorded.
/// </summary>
public sealed class ResultsImport : AggregateRoot
{
    /// <summary>Every supported year, four digits and a comma each.</summary>
    public const int YearsMaxLength = (FrameworkLimits.LastSupportedYear - OfficialFigure.FirstYear + 1) * 5;

    private string _years = null!;

    private ResultsImport()
    {
    }

    public Guid Id { get; private set; }

    public DateTimeOffset ImportedAt { get; private set; }

    /// <summary>The assessment years of the imported rows, ascending.</summary>
    public IReadOnlyList<int> Years => [.. _years.Split(',').Select(y => int.Parse(y, CultureInfo.InvariantCulture))];

    public int Added { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    /// <summary>Records an import of rows of <paramref name="years"/>; null when it added and revised nothing.</summary>
    public static ResultsImport? Record(IEnumerable<int> years, int added, int updated, int unchanged, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(years);
        if (added + updated == 0)
        {
            return null;
        }

        var ordered = years.Distinct().Order().ToList();
        var import = new ResultsImport
        {
            Id = Identifiers.NewVersion7(),
            ImportedAt = now,
            _years = string.Join(',', ordered.Select(y => y.ToString(CultureInfo.InvariantCulture))),
            Added = added,
            Updated = updated,
            Unchanged = unchanged,
        };
        import.Raise(new OfficialResultsImported(import.Id, ordered, added, updated, unchanged));
        return import;
    }
}
