using System.Reflection;
using System.Text.RegularExpressions;
using Dti.Api.Tests.Persistence;
using Dti.Application.Agencies.Commands.RecordSuccession;
using Dti.Application.Assignments;
using Dti.Application.Assignments.Queries.GetCoverage;
using Dti.Application.Calendar.Queries.GetDay;
using Dti.Application.Calendar.Queries.GetHolidays;
using Dti.Application.Clients;
using Dti.Application.Clients.Queries.GetCurrentClient;
using Dti.Application.Common.Mapping;
using Dti.Application.Deadlines.Queries.GetDeadlineOccurrences;
using Dti.Application.Frameworks.Queries.GetIndex;
using Dti.Application.Obligations;
using Dti.Application.Plans;
using Dti.Application.Reports.Queries.GetCompleteness;
using Dti.Application.Webhooks;
using Dti.Domain.Agencies;
using Dti.Infrastructure.Persistence;
using Mapster;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.Tests.Architecture;

/// <summary>
/// DTOs are produced by Mapster from one configuration: every DTO read from an entity or a domain value has a declared
/// mapping, none is built by a hand-written static method, and a projection reads only the columns its DTO shows.
/// </summary>
public sealed class MappingTests
{
    private static readonly Assembly Application = typeof(Mappings).Assembly;

    /// <summary>
    /// DTOs that are not a view of one entity or domain value, and so have no mapping: each is put together by its use
    /// case from mapped DTOs, from the working calendar's or the deadline calculator's results, or from the caller.
    /// </summary>
    private static readonly Dictionary<Type, string> ComposedByTheirUseCase = new()
    {
        [typeof(SuccessionDto)] = "the closed agency (mapped) and the counts of work moved",
        [typeof(PlanAssignmentDto)] = "an assignment (mapped) with its plan's number, status and years and the agency's role",
        [typeof(CoverageDto)] = "computed from the governing framework and the leads of the year's plans",
        [typeof(IndexCoverageDto)] = "computed per scored main index from the leads found",
        [typeof(DayDto)] = "computed by the working calendar",
        [typeof(YearHolidaysDto)] = "computed by the working calendar",
        [typeof(WorkingWeekendDayDto)] = "computed by the working calendar",
        [typeof(ClientWithKeyDto)] = "a client (mapped) with the key just issued, shown once",
        [typeof(WebhookWithSecretDto)] = "a webhook subscription (mapped) with the secret just issued, shown once",
        [typeof(Dti.Application.Reports.ReportVersionListDto)] = "a report's id with its versions' summaries (mapped)",
        [typeof(Dti.Application.Reports.ReportVersionDto)] = "a version's summary (mapped) with its frozen content (mapped from its document)",
        [typeof(Dti.Application.Reports.ReportDiffDto)] = "the two version numbers with the changes (mapped) the domain computes between them",
        [typeof(CurrentClientDto)] = "the authenticated caller, not an entity",
        [typeof(DeadlineOccurrencesDto)] = "a rule's name with its occurrences (mapped) over a range as of now",
        [typeof(IndexDto)] = "a main index, or a component with its parent, placed in its framework",
        [typeof(ObligationDto)] = "an occurrence × a holder, with its status as of now",
        [typeof(ObligationPlanDto)] = "the plan row the obligation schedule reads for its periods",
        [typeof(ObligationPageDto)] = "a page of computed obligations",
        [typeof(AgencyObligationsDto)] = "a page of computed obligations",
        [typeof(PlanReportingRulesDto)] = "a plan's id with its rules (projected)",
        [typeof(CompletenessDto)] = "totals computed from the obligation schedule, the year's lead assignments and the values reports give",
        [typeof(CompletenessTotalsDto)] = "counts computed by the completeness query",
        [typeof(AgencyCompletenessDto)] = "an agency (projected) with its computed obligations and unanswered indices",
        [typeof(IndexCompletenessDto)] = "an index of the governing framework with its leads",
        [typeof(Dti.Application.Compliance.CompliancePageDto)] = "a page of agencies ranked by their computed records",
        [typeof(Dti.Application.Compliance.AgencyComplianceDto)] = "an agency (projected) with its computed obligations, tasks and led indices",
        [typeof(Dti.Application.Compliance.ComplianceObligationsDto)] = "counts over the obligation schedule and the reports that count",
        [typeof(Dti.Application.Compliance.ComplianceTasksDto)] = "counts the database computes per lead agency",
        [typeof(Dti.Application.Compliance.LedIndexDto)] = "an assignment with its target and the latest value of accepted report versions",
        [typeof(IndexLeadDto)] = "a lead agency (projected) and whether its reports answer the index",
        [typeof(Dti.Application.SelfAssessments.SelfAssessmentDto)] = "consolidated from the framework, the lead assignments, accepted report versions, overrides and the scoring engine",
        [typeof(Dti.Application.SelfAssessments.SelfAssessmentDeadlineDto)] = "the rule's name with the deadline computed for the year and its status as of now",
        [typeof(Dti.Application.SelfAssessments.AssessedIndexDto)] = "an index of the framework with its leads, reported figures and override",
        [typeof(Dti.Application.SelfAssessments.ReportedFiguresDto)] = "an entry of an accepted version's frozen document with its evidence and provenance",
        [typeof(Dti.Application.SelfAssessments.ProvenanceDto)] = "the accepted version read, with its agency (projected)",
        [typeof(Dti.Application.SelfAssessments.SelfAssessmentCompletenessDto)] = "counts computed over the consolidated indices",
        [typeof(Dti.Application.SelfAssessments.MainIndexCompletenessDto)] = "counts computed per main index",
        [typeof(Dti.Application.SelfAssessments.MissingByLeadDto)] = "a lead agency (projected) with the indices it has not reported",
        [typeof(Dti.Application.SelfAssessments.MinistryComparisonDto)] = "a snapshot's frozen indices beside the ministry's figures, with the totals each column scores",
        [typeof(Dti.Application.SelfAssessments.IndexComparisonDto)] = "an index of the snapshot document with the ministry's figures and the differences",
        [typeof(Dti.Application.SelfAssessments.ComparedFiguresDto)] = "a value and a score of one column",
        [typeof(Dti.Application.SelfAssessments.FigureDifferenceDto)] = "one column's figures less the self-assessed ones",
        [typeof(Dti.Application.SelfAssessments.ComparisonTotalsDto)] = "the DTI of each column computed by the scoring engine, and their differences",
        [typeof(Dti.Application.SelfAssessments.DtiTotalDto)] = "a column's DTI computed by the scoring engine where its main-index values are complete",
        [typeof(Dti.Application.SelfAssessments.Queries.ListSnapshots.SnapshotListDto)] = "a year with its snapshots (projected)",
        [typeof(Dti.Application.SelfAssessments.Queries.ListSnapshotPulls.SnapshotPullListDto)] = "a year with its pulls (projected)",
        [typeof(Dti.Application.Results.ImportSummaryDto)] = "counts of the figures an import added, revised and left as they were",
        [typeof(Dti.Application.Results.ResultRowDto)] = "a province's figures (mapped) of one table, with its DTI figure picked out",
        [typeof(Dti.Application.Results.FigureHistoryDto)] = "a figure with its change from the year before, or a merged unit's computed mean",
        [typeof(Dti.Application.Results.YearResultDto)] = "a unit's figures of one year's table, named from the governing framework, with a computed summary",
        [typeof(Dti.Application.Results.ResultHistoryDto)] = "a unit and its predecessors' years",
        [typeof(Dti.Application.Results.ProvinceUnitListDto)] = "the units (mapped) that a list of province units holds",
        [typeof(Dti.Application.Results.IndexPointsDto)] = "a main index's points achieved and lost, computed from its value and the framework's points",
        [typeof(Dti.Application.Results.DistanceDto)] = "the distance in DTI points to a mark of the table, computed",
        [typeof(Dti.Application.Results.PointsLostDto)] = "a province's year with its computed losses and distances",
        [typeof(Dti.Application.Results.SelfVsOfficialIndexDto)] = "a main index of a finalised snapshot's document beside its official figure, with the computed difference",
        [typeof(Dti.Application.Results.SelfVsOfficialDto)] = "a finalised snapshot's DTI and main indices beside a unit's official figures of the year",
        [typeof(Dti.Application.Results.WhatIfIndexDto)] = "a main index's published and hypothetical values",
        [typeof(Dti.Application.Results.WhatIfDto)] = "a hypothetical DTI and the rank range it would have had, computed",
        [typeof(Dti.Application.Results.ResultTableDto)] = "a year's figures (mapped) grouped by province, with the governing framework and the field average",
    };

    private static IEnumerable<Type> DtoTypes() =>
        Application.GetExportedTypes().Where(t => t.Name.EndsWith("Dto", StringComparison.Ordinal));

    [Test]
    public void TheConfigurationCompilesForAdaptingAndForProjecting()
    {
        var config = Mappings.Create(Application);

        Assert.That(config.RuleMap, Is.Not.Empty);
        Assert.DoesNotThrow(() => config.Compile());
        Assert.DoesNotThrow(() => config.CompileProjection());
    }

    [Test]
    public void ADtoFieldWithoutASourceFailsTheStart()
    {
        var config = Mappings.Create(Application);
        config.NewConfig<Agency, AgencyWithAFieldNobodyFills>();

        var failure = Assert.Throws<CompileException>(() => config.Compile());

        Assert.That(failure!.InnerException?.Message, Does.Contain(nameof(AgencyWithAFieldNobodyFills.Motto)));
    }

    [Test]
    public void EveryDtoReadFromAnEntityOrADomainValueHasAMapping()
    {
        var config = Mappings.Create(Application);
        var mapped = config.RuleMap.Keys.ToLookup(k => k.Destination, k => k.Source);

        Assert.Multiple(() =>
        {
            foreach (var dto in DtoTypes().Where(t => !ComposedByTheirUseCase.ContainsKey(t)))
            {
                Assert.That(mapped[dto].Where(source => !source.Name.EndsWith("Dto", StringComparison.Ordinal)), Is.Not.Empty, $"{dto.Name} has no mapping: add one to its feature's Mappings class");
            }

            foreach (var composed in ComposedByTheirUseCase.Keys)
            {
                Assert.That(mapped.Contains(composed), Is.False, $"{composed.Name} is mapped now: take it off the list of composed DTOs");
                Assert.That(DtoTypes(), Does.Contain(composed));
            }
        });
    }

    [Test]
    public void NoDtoBuildsItselfWithAStaticMethod()
    {
        var builders = DtoTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}");

        Assert.That(builders, Is.Empty, "DTOs are produced by Mapster (one <Feature>Mappings : IRegister per feature), not by static methods");
    }

    /// <summary>The plan list as the handler reads it: the plan's shown columns and a count of its solution groups, nothing else.</summary>
    [TestCase(DatabaseProvider.Sqlite, "Data Source=unused.db")]
    [TestCase(DatabaseProvider.Postgres, "Host=127.0.0.1;Port=1;Username=unused;Password=unused")]
    [TestCase(DatabaseProvider.SqlServer, SqlServerSchema.ConnectionString)]
    public void AProjectionReadsOnlyTheColumnsItsDtoShows(DatabaseProvider provider, string connectionString)
    {
        var config = Mappings.Create(Application);
        var builder = new DbContextOptionsBuilder<DtiDbContext>();
        DatabaseRegistration.Configure(builder, provider, connectionString);
        using var db = new DtiDbContext(builder.Options);

        var sql = db.Plans.ProjectToType<PlanSummaryDto>(config).ToQueryString();

        var planColumns = Regex.Matches(sql, @"(?:""p""|\bp|\[p\])\.(?:""(?<c>\w+)""|\[(?<c>\w+)\])").Select(m => m.Groups["c"].Value).ToHashSet();
        var shown = typeof(PlanSummaryDto).GetConstructors().Single().GetParameters().Select(p => p.Name!.ToUpperInvariant()[0] + p.Name[1..])
            .Where(name => name != nameof(PlanSummaryDto.SolutionGroupCount));
        Assert.Multiple(() =>
        {
            Assert.That(planColumns, Is.EquivalentTo(shown), sql);
            Assert.That(Regex.Count(sql, @"count\(\*\)", RegexOptions.IgnoreCase), Is.EqualTo(1), "solution groups are counted once: " + sql);
            Assert.That(sql, Does.Not.Contain("JOIN"), "solution groups are counted, not read");
        });
    }

    public sealed record AgencyWithAFieldNobodyFills(Guid Id, string Code, string Motto);
}
