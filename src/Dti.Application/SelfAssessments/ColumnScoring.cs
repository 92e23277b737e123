using Dti.Domain.Common;
using Dti.Domain.Frameworks;
using Dti.Domain.SelfAssessments;

namespace Dti.Application.SelfAssessments;

/// <summary>One index's figures in one column: self-assessed, appraised or final.</summary>
internal sealed record IndexFigures(string Code, AssessedIndexLevel Level, decimal? MaxPoints, decimal? Value, decimal? Score);

/// <summary>
/// Scores one column of figures with <see cref="DtiScoring"/>: the components' scores are their achieved points, and a
/// main index's value on the ministry's [0, 1] scale is its value when it is on that scale, else its score over its max
/// points (a report may give a main index its points rather than its value). The self-assessment and the comparison with
/// the ministry's numbers score every column this one way.
/// </summary>
internal static class ColumnScoring
{
    public static DtiScore Score(Framework framework, IEnumerable<IndexFigures> column)
    {
        var componentPoints = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        var mainValues = new Dictionary<string, decimal>(StringComparer.OrdinalIgnoreCase);
        foreach (var index in column)
        {
            if (index.Level == AssessedIndexLevel.Component)
            {
                if (index.Score is { } points)
                {
                    componentPoints[index.Code] = points;
                }
            }
            else if (index.Value is >= 0 and <= 1)
            {
                mainValues[index.Code] = index.Value.Value;
            }
            else if (index.Score is { } score && index.MaxPoints is > 0)
            {
                mainValues[index.Code] = DecimalKind.IndexValue.Round(Math.Min(1m, score / index.MaxPoints.Value));
            }
        }

        return DtiScoring.Score(framework, componentPoints, mainValues);
    }
}
