using System.Reflection;
using Dti.Api.Tests.Security;
using Dti.Application.Agencies.Commands.RecordSuccession;
using Dti.Application.Assignments.Queries.ListAgencyAssignments;
using Dti.Application.Assignments.Queries.ListPlanAssignments;
using Dti.Application.Audit.Queries.ListAuditEntries;
using Dti.Application.Common.Security;
using MediatR;

namespace Dti.Api.Tests.Architecture;

/// <summary>
/// Every request that addresses an agency's objects declares it, and every declaration is in the access table — so
/// <see cref="AgencyScopeTests"/> runs it with another agency's ids. A new request with an agency-owned key fails here
/// until it declares its scope or is listed below with the reason it is not scoped.
/// </summary>
public sealed class AgencyScopeDeclarationTests
{
    /// <summary>Keys of objects that belong to agencies. When a new kind arrives (reports: <c>ReportId</c>), add its key.</summary>
    private static readonly string[] AgencyOwnedKeys = ["AgencyId", "TaskId"];

    /// <summary>Requests with such a key whose data every reader of the province may see, and why.</summary>
    private static readonly IReadOnlyDictionary<Type, string> Unscoped = new Dictionary<Type, string>
    {
        [typeof(ListAgencyAssignmentsQuery)] = "who leads which index is the plan's published division of labour: every reader sees it",
        [typeof(ListPlanAssignmentsQuery)] = "the same assignments, filtered by agency",
        [typeof(RecordSuccessionCommand)] = "changes the agency directory, which every reader sees and only the coordinator keeps",
        [typeof(ListAuditEntriesQuery)] = "the audit trail is for coordinators only, who see every agency",
    };

    private static readonly Type[] Requests = [.. typeof(Dti.Application.DependencyInjection).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))];

    [Test]
    public void EveryRequestThatAddressesAnAgencysObjectDeclaresIt()
    {
        var undeclared = Requests
            .Where(t => Keys(t).Any(p => p.PropertyType == typeof(Guid)) && !typeof(IAgencyScoped).IsAssignableFrom(t) && !Unscoped.ContainsKey(t))
            .Select(t => t.Name);

        Assert.That(undeclared, Is.Empty, "these requests address an agency's object by id; declare IAgencyScoped (or list them here with the reason they are not)");
    }

    [Test]
    public void EveryListThatFiltersByAgencyDeclaresIt()
    {
        var undeclared = Requests
            .Where(t => Keys(t).Any(p => p.PropertyType == typeof(Guid?)) && !typeof(IAgencyFiltered).IsAssignableFrom(t) && !Unscoped.ContainsKey(t))
            .Select(t => t.Name);

        Assert.That(undeclared, Is.Empty, "these requests list agencies' objects; declare IAgencyFiltered (or list them here with the reason they are not)");
    }

    [Test]
    public void EveryDeclarationIsInTheAccessTable()
    {
        var scoped = AccessTable.Operations.Values.Select(a => a.Scoped).OfType<Type>().ToHashSet();
        var filtered = AccessTable.Operations.Values.Select(a => a.Filtered).OfType<Type>().ToHashSet();

        Assert.Multiple(() =>
        {
            Assert.That(Requests.Where(typeof(IAgencyScoped).IsAssignableFrom).Where(t => !scoped.Contains(t)).Select(t => t.Name), Is.Empty,
                "agency-scoped requests missing from the Scoped column of AccessTable.cs");
            Assert.That(Requests.Where(typeof(IAgencyFiltered).IsAssignableFrom).Where(t => !filtered.Contains(t)).Select(t => t.Name), Is.Empty,
                "agency-filtered requests missing from the Filtered column of AccessTable.cs");
            Assert.That(scoped.Where(t => !typeof(IAgencyScoped).IsAssignableFrom(t)).Select(t => t.Name), Is.Empty,
                "AccessTable.cs marks these agency-scoped, but they do not declare IAgencyScoped");
            Assert.That(filtered.Where(t => !typeof(IAgencyFiltered).IsAssignableFrom(t)).Select(t => t.Name), Is.Empty,
                "AccessTable.cs marks these filtered, but they do not declare IAgencyFiltered");
        });
    }

    private static IEnumerable<PropertyInfo> Keys(Type request) =>
        request.GetProperties().Where(p => AgencyOwnedKeys.Contains(p.Name, StringComparer.Ordinal));
}
