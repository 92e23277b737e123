using Dti.Domain.Common;

namespace Dti.Domain.Frameworks;

internal static class PointsGuard
{
    public static decimal? Check(decimal? points, string field)
    {
        if (points is < 0 or > FrameworkLimits.MaxIndexPoints)
        {
            throw new DomainException("points-range", $"'{field}' must be between 0 and {FrameworkLimits.MaxIndexPoints}.", field);
        }

        return DecimalKind.Points.Round(points);
    }
}
