using Dti.Domain.Common;

namespace Dti.Domain.Tests.Common;

public class DecimalKindTests
{
    [TestCase("12.345", "12.35")]
    [TestCase("0.125", "0.13")]
    [TestCase("-0.125", "-0.13")]
    [TestCase("712.5", "712.50")]
    [TestCase("1000", "1000.00")]
    public void PointsRoundToTwoDecimalsHalfAwayFromZero(string value, string stored) =>
        Assert.That(DecimalKind.Points.Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(stored));

    [TestCase("0.73265", "0.7327")]
    [TestCase("0.73264", "0.7326")]
    [TestCase("0.00005", "0.0001")]
    public void IndexValuesRoundToFourDecimalsHalfAwayFromZero(string value, string stored) =>
        Assert.That(DecimalKind.IndexValue.Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)).ToString(System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(stored));

    [Test]
    public void NothingStaysNothing() => Assert.That(DecimalKind.Points.Round((decimal?)null), Is.Null);
}
