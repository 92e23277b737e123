using System.Net;
using System.Text;
using Dti.Api.Tests.Infrastructure;
using Dti.Domain.Clients;
using Dti.Domain.Results;
using Dti.Infrastructure.Persistence;

namespace Dti.Api.Tests.Results;

/// <summary>Province units over the 2025 mergers, the official tables shipped from ../shared/data, and importing more.</summary>
public sealed class OfficialResultsTests(DatabaseProvider provider) : ApiTestBase(provider)
{
    private const string Header = "year,fieldSize,province,kind,code,value,rank,origin,source\n";

    [Test]
    public async Task TodaysQuangTriIsTheMergerOfQuangBinhAndTheOldQuangTri()
    {
        var units = (await ReadJson(await Client.GetAsync("/api/v1/province-units"))).GetProperty("items").EnumerateArray().ToList();
        var active = (await ReadJson(await Client.GetAsync("/api/v1/province-units?activeOn=2025-07-01"))).GetProperty("items").EnumerateArray()
            .Select(u => u.GetProperty("code").GetString()).ToList();

        var quangTri = units.Single(u => u.GetProperty("code").GetString() == "QUANG-TRI-2025");
        var quangBinh = units.Single(u => u.GetProperty("code").GetString() == "QUANG-BINH");
        var binhThuan = units.Single(u => u.GetProperty("code").GetString() == "BINH-THUAN");
        Assert.Multiple(() =>
        {
            Assert.That(units, Has.Count.EqualTo(67), "63 provinces ranked until DTI 2024 and 4 merged units from shared/data");
            Assert.That(quangTri.GetProperty("predecessorCodes").EnumerateArray().Select(c => c.GetString()), Is.EqualTo(new[] { "QUANG-BINH", "QUANG-TRI" }));
            Assert.That(quangTri.GetProperty("validFrom").GetString(), Is.EqualTo("2025-07-01"));
            Assert.That(quangBinh.GetProperty("validTo").GetString(), Is.EqualTo("2025-06-30"));
            Assert.That(quangBinh.GetProperty("successorCode").GetString(), Is.EqualTo("QUANG-TRI-2025"));
            Assert.That(binhThuan.GetProperty("successorCode").GetString(), Is.EqualTo("LAM-DONG-2025"));
            Assert.That(active, Does.Contain("QUANG-TRI-2025").And.Contain("LAM-DONG-2025").And.Not.Contain("QUANG-BINH").And.Not.Contain("BINH-THUAN"));
        });
    }

    [Test]
    public async Task The2022TableRanksAll63WithTwoProvincesTied15thAndTheNext17th()
    {
        var table = await ReadJson(await Client.GetAsync("/api/v1/official-results/2022"));
        var rows = table.GetProperty("rows").EnumerateArray().ToList();
        var ranks = rows.Select(r => r.GetProperty("rank").GetInt32()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(table.GetProperty("fieldSize").GetInt32(), Is.EqualTo(63));
            Assert.That(table.GetProperty("frameworkCode").GetString(), Is.EqualTo("QD-922-2022"));
            Assert.That(rows, Has.Count.EqualTo(63));
            Assert.That(rows.Where(r => r.GetProperty("rank").GetInt32() == 15).Select(r => r.GetProperty("provinceName").GetString()), Is.EquivalentTo(new[] { "Thanh Hóa", "Yên Bái" }));
            Assert.That(ranks, Does.Not.Contain(16));
            Assert.That(rows[16].GetProperty("provinceCode").GetString(), Is.EqualTo("HAU-GIANG"));
            Assert.That(ranks[16], Is.EqualTo(17));
            Assert.That(ranks, Is.EqualTo(ranks.Select(r => 1 + ranks.Count(other => other < r))), "each rank is one more than the number ranked above it");
            Assert.That(rows[0].GetProperty("dtiValue").GetDecimal(), Is.EqualTo(0.8002m));
            Assert.That(rows.Single(r => r.GetProperty("provinceCode").GetString() == "QUANG-BINH").GetProperty("dtiValue").GetDecimal(), Is.EqualTo(0.5415m));
        });
    }

    [Test]
    public void CompetitionRanksShareARankAndSkipTheNext() =>
        Assert.That(DtiScoring.CompetitionRanks([0.8002m, 0.7024m, 0.7024m, 0.6975m]), Is.EqualTo(new[] { 1, 2, 2, 4 }));

    [Test]
    public async Task The2024TableOf34IsSeparateFromTheTableOf63()
    {
        var of34 = await ReadJson(await Client.GetAsync("/api/v1/official-results/2024?fieldSize=34"));
        var of63 = await ReadJson(await Client.GetAsync("/api/v1/official-results/2024"));

        Assert.Multiple(() =>
        {
            Assert.That(of34.GetProperty("frameworkCode").GetString(), Is.EqualTo("QD-405-2025"));
            Assert.That(of34.GetProperty("rows")[0].GetProperty("provinceCode").GetString(), Is.EqualTo("KHANH-HOA-2025"));
            Assert.That(of34.GetProperty("average").EnumerateArray().Single(a => a.GetProperty("kind").GetString() == "Dti").GetProperty("value").GetDecimal(), Is.EqualTo(0.6961m));
            Assert.That(of63.GetProperty("fieldSize").GetInt32(), Is.EqualTo(63));
            Assert.That(of63.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("provinceCode").GetString()), Is.EqualTo(new[] { "HO-CHI-MINH", "DA-NANG" }));
        });
    }

    [Test]
    public async Task AYearWithoutResultsIsNotFoundAndOneBeforeDti2020IsRefused()
    {
        await (await Client.GetAsync("/api/v1/official-results/2025")).AssertProblem(HttpStatusCode.NotFound);
        await (await Client.GetAsync("/api/v1/official-results/2019")).AssertProblem(HttpStatusCode.BadRequest, "year");
    }

    [Test]
    public async Task ImportingTheSameFileTwiceChangesNothingTheSecondTime()
    {
        const string csv = Header + "2023,63,QUANG-BINH,Dti,,0.6120,40,Published,test\n2023,63,QUANG-BINH,Pillar,CQS,,38,Computed,test\n";

        var first = await ReadJson(await Client.PostAsync("/api/v1/official-results/import", Csv(csv)));
        var second = await ReadJson(await Client.PostAsync("/api/v1/official-results/import", Csv(csv)));
        var revised = await ReadJson(await Client.PostAsync("/api/v1/official-results/import", Csv(csv.Replace("0.6120,40", "0.6125,39", StringComparison.Ordinal))));

        Assert.Multiple(() =>
        {
            Assert.That(first.GetProperty("added").GetInt32(), Is.EqualTo(2));
            Assert.That(second.GetProperty("added").GetInt32(), Is.Zero);
            Assert.That(second.GetProperty("unchanged").GetInt32(), Is.EqualTo(2));
            Assert.That(revised.GetProperty("updated").GetInt32(), Is.EqualTo(1));
        });
        var figures = await InDatabase(db => Task.FromResult(db.OfficialFigures.Where(f => f.Year == 2023 && f.ProvinceCode == "QUANG-BINH").ToList()));
        Assert.That(figures.Select(f => (f.Kind, f.Value, f.Rank, f.Origin)), Is.EquivalentTo(new[]
        {
            (FigureKind.Dti, (decimal?)0.6125m, (int?)39, FigureOrigin.Published),
            (FigureKind.Pillar, (decimal?)null, (int?)38, FigureOrigin.Computed),
        }));
    }

    [Test]
    public async Task BadRowsAre422NamingLineAndColumnAndStoreNothing()
    {
        var csv = Header + "2023,63,QUANG-BINH,Dti,,0.6120,40,Published,ok\n2023,63,QUANG-BINH,Pillar,CQS,,70,Published,x\n2023,63,ATLANTIS,Dti,,0.5,,Published,x\n2023,63,QUANG-TRI,MainIndex,6.1,0.5,,Published,x\n2023,63,QUANG-TRI,Dti,,abc,,Guessed,x\n";

        var problem = await (await Client.PostAsync("/api/v1/official-results/import", Csv(csv))).AssertProblem(HttpStatusCode.UnprocessableEntity, "lines[6].value");
        var errors = problem.GetProperty("errors");

        Assert.Multiple(() =>
        {
            Assert.That(errors.EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "lines[6].value", "lines[6].origin" }), "cells that cannot be read are reported before any row is checked");
            Assert.That(errors.GetProperty("lines[6].origin")[0].GetString(), Does.Contain("Line 6, column 'origin'"));
        });

        var checkedRows = await (await Client.PostAsync("/api/v1/official-results/import", Csv(string.Join('\n', csv.Split('\n')[..5]) + "\n"))).AssertProblem(HttpStatusCode.UnprocessableEntity);
        Assert.That(checkedRows.GetProperty("errors").EnumerateObject().Select(e => e.Name), Is.EquivalentTo(new[] { "lines[3].rank", "lines[4].province", "lines[5].code" }));
        Assert.That(await InDatabase(db => Task.FromResult(db.OfficialFigures.Count(f => f.Year == 2023 && f.ProvinceCode == "QUANG-BINH"))), Is.Zero);
    }

    [Test]
    public async Task OnlyCoordinatorsImportAndOnlyCsv()
    {
        using var reader = await CreateClientAsync(ClientRole.Reader);
        await (await reader.PostAsync("/api/v1/official-results/import", Csv(Header))).AssertProblem(HttpStatusCode.Forbidden);
        await (await Client.PostAsync("/api/v1/official-results/import", new StringContent("{}", Encoding.UTF8, "application/json"))).AssertProblem(HttpStatusCode.UnsupportedMediaType);
        await (await Client.PostAsync("/api/v1/official-results/import", Csv(Header))).AssertProblem(HttpStatusCode.UnprocessableEntity, "csv");
    }

    private static StringContent Csv(string csv) => new(csv, Encoding.UTF8, "text/csv");
}
