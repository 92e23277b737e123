using Dti.Api.Tests.Infrastructure;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Persistence;

/// <summary>
/// A number with more decimals than its column is stored the same on every provider: rounded by the domain to the
/// column's scale, half away from zero (SQLite would keep every digit, PostgreSQL would round on its own).
/// </summary>
public sealed class DecimalStorageTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task PointsAndIndexValuesAreStoredRoundedToTheirScale()
    {
        var province = (await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee", "1989-07-01")).GetProperty("id").GetGuid();
        var ict = await Client.CreateAgencyId("000.00.31.H50", "Sở TT&TT");
        var created = await Client.CreatePlan(new
        {
            kind = "Plan",
            documentNumber = "170/KH-UBND",
            issuerAgencyId = province,
            issueDate = "2023-08-11",
            title = "Nâng cao chỉ số chuyển đổi số tỉnh Quảng Trị (DTI)",
            firstAssessmentYear = 2023,
            targetTotalScore = 712.345m,
            indexTargets = new[] { new { mainIndexCode = "7", targetValue = 0.73265m, targetPoints = 12.345m } },
        });
        var planId = created.GetProperty("id").GetGuid();
        var assignment = await Client.CreateAssignment(planId, new { indexCode = "7", leadAgencyId = ict, targetValue = 0.73265m, targetPoints = 12.345m });

        var stored = await InDatabase(async db => (
            Plan: await db.Plans.AsNoTracking().Include(p => p.IndexTargets).SingleAsync(p => p.Id == planId),
            Assignment: await db.IndexAssignments.AsNoTracking().SingleAsync(a => a.PlanId == planId)));

        Assert.Multiple(() =>
        {
            Assert.That(stored.Plan.TargetTotalScore, Is.EqualTo(712.35m));
            Assert.That(stored.Plan.IndexTargets.Single().TargetValue, Is.EqualTo(0.7327m));
            Assert.That(stored.Plan.IndexTargets.Single().TargetPoints, Is.EqualTo(12.35m));
            Assert.That(stored.Assignment.TargetValue, Is.EqualTo(0.7327m));
            Assert.That(stored.Assignment.TargetPoints, Is.EqualTo(12.35m));
            Assert.That(created.GetProperty("targetTotalScore").GetDecimal(), Is.EqualTo(712.35m), "the API answers what it stored");
            Assert.That(assignment.GetProperty("targetPoints").GetDecimal(), Is.EqualTo(12.35m));
        });
    }

    [Test]
    public async Task EveryDecimalColumnDeclaresItsPrecisionAndScale()
    {
        var decimals = await InDatabase(db => Task.FromResult(db.Model.GetEntityTypes().SelectMany(t => t.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(decimal))
            .ToList()));

        Assert.That(decimals, Is.Not.Empty);
        Assert.That(decimals.Where(p => p.GetPrecision() is null || p.GetScale() is null).Select(p => $"{p.DeclaringType.DisplayName()}.{p.Name}"), Is.Empty);
    }
}
