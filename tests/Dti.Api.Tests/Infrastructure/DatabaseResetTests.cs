using System.Data.Common;
using Dti.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Infrastructure;

/// <summary>The reset between tests empties the application's tables, keeps EF's own, and leaves foreign keys enforced.</summary>
public sealed class DatabaseResetTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    [Test]
    public async Task ResetEmptiesSelfReferencingDataKeepsTheMigrationsAndReloadsReferenceData()
    {
        var province = (await Client.CreateAgency("000.00.00.H50", "Ủy ban nhân dân tỉnh Quảng Trị", "UBND tỉnh Quảng Trị", "ProvincialPeoplesCommittee")).GetProperty("id").GetGuid();
        await Client.CreateAgency("000.00.31.H50", "Sở Khoa học và Công nghệ", "Sở KH&CN", parentId: province);
        await Client.CreatePlan(ApiRequests.PlanBody(province));
        var frameworks = await InDatabase(db => db.Frameworks.CountAsync());

        await ResetDatabase();

        Assert.Multiple(async () =>
        {
            Assert.That(await InDatabase(db => db.Agencies.CountAsync()), Is.Zero);
            Assert.That(await InDatabase(db => db.Plans.CountAsync()), Is.Zero);
            Assert.That(await InDatabase(db => db.Frameworks.CountAsync()), Is.EqualTo(frameworks).And.Positive, "reference data is loaded again");
            Assert.That(await InDatabase(db => db.Database.GetPendingMigrationsAsync()), Is.Empty, "the migrations history is kept");
        });
    }

    [Test]
    public async Task TheApplicationStillEnforcesForeignKeysAfterAReset()
    {
        var insertOrphan = InDatabase(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO \"TaskCooperators\" (\"Id\", \"TaskId\", \"AgencyId\") VALUES ({Guid.NewGuid()}, {Guid.NewGuid()}, {Guid.NewGuid()})"));

        Assert.That(async () => await insertOrphan, Throws.InstanceOf<DbException>());
    }
}
