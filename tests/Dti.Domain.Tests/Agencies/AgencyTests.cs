using Dti.Domain.Agencies;
using Dti.Domain.Common;

namespace Dti.Domain.Tests.Agencies;

public class AgencyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 8, 0, 0, TimeSpan.FromHours(7));

    private static Agency Create(string code = "000.00.31.H50", string from = "2008-01-01", string? to = null) =>
        Agency.Create(new AgencySpec(code, "Sở Thông tin và Truyền thông", "Sở TT&TT", AgencyKind.Department, null, DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), false), Now);

    [TestCase("000.00.00.H50", true)]
    [TestCase("000.00.31.H50", true)]
    [TestCase("000.00.00.G12", true)]
    [TestCase("000.00.00.h50", false)]
    [TestCase("00.00.00.H50", false)]
    [TestCase("000.00.00.HH0", false)]
    [TestCase("000.00.00.50H", false)]
    public void CodesFollowTheNationalShape(string code, bool valid)
    {
        if (valid)
        {
            Assert.That(Create(code).Code, Is.EqualTo(code));
        }
        else
        {
            Assert.That(() => Create(code), Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("agency.code-format"));
        }
    }

    [Test]
    public void TheSearchNameFoldsTheFullAndShortName() =>
        Assert.That(Create().SearchName, Is.EqualTo("so thong tin va truyen thong so tt&tt"));

    [TestCase("2008-01-01", true)]
    [TestCase("2007-12-31", false)]
    [TestCase("2025-02-28", true)]
    [TestCase("2025-03-01", false)]
    public void AnAgencyIsActiveWithinItsValidity(string date, bool active) =>
        Assert.That(Create(to: "2025-02-28").IsActiveOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), Is.EqualTo(active));

    [Test]
    public void SuccessionClosesTheDayBeforeTheEffectiveDate()
    {
        var ict = Create();
        var science = Create("000.00.35.H50");

        ict.HandOverTo(science, new DateOnly(2025, 3, 1), SuccessionReason.Merger, "Hợp nhất", Now);

        Assert.That((ict.ValidTo, ict.SuccessorId, ict.Version), Is.EqualTo(((DateOnly?)new DateOnly(2025, 2, 28), (Guid?)science.Id, 2)));
    }

    [Test]
    public void ASuccessorNotYetActiveIsRejected()
    {
        var later = Create("000.00.35.H50", from: "2025-07-01");

        Assert.That(() => Create().HandOverTo(later, new DateOnly(2025, 3, 1), SuccessionReason.Merger, null, Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("agency.inactive"));
    }

    [Test]
    public void AnAgencyCannotSucceedItself()
    {
        var ict = Create();

        Assert.That(() => ict.HandOverTo(ict, new DateOnly(2025, 3, 1), SuccessionReason.Rename, null, Now),
            Throws.TypeOf<DomainException>().With.Property(nameof(DomainException.Rule)).EqualTo("agency.self-succession"));
    }

    [Test]
    public void HoldersPassToTheSuccessorWithoutDuplicates()
    {
        Guid a = Guid.CreateVersion7(), b = Guid.CreateVersion7(), successor = Guid.CreateVersion7();

        var (lead, cooperators) = Holders.Succeed(a, [b, successor], b, successor);

        Assert.That((lead, cooperators), Is.EqualTo((a, new List<Guid> { successor })));
    }
}
