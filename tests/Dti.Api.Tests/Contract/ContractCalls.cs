using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Dti.Api.Tests.Contract;

/// <summary>
/// The calls a contract check made and what went wrong with them: a status other than the one the step expects
/// (any 5xx among them), and every contract violation Prism reported — on the response always, on the request
/// unless the step sends a request that breaks the contract on purpose.
/// </summary>
public sealed partial class ContractCalls(ContractDocument contract)
{
    private readonly List<ContractCall> _calls = [];

    public int Count => _calls.Count;

    /// <summary>Every violation Prism reported in a response header, expected ones included.</summary>
    public int ReportedViolations => _calls.Sum(c => c.Violations.Count);

    public void Add(ContractCall call) => _calls.Add(call);

    public IReadOnlyList<ContractOperation> Uncovered =>
        [.. contract.Operations.Where(o => !_calls.Any(c => c.Operation?.OperationId == o.OperationId))];

    public IReadOnlyList<ContractCall> UnexpectedStatuses => [.. _calls.Where(c => c.Status != c.Expected)];

    public IReadOnlyList<(ContractCall Call, PrismViolation Violation)> Violations =>
        [.. _calls.SelectMany(c => c.Violations.Where(v => v.IsResponse || !c.BreaksRequestContract).Select(v => (c, v)))];

    /// <summary>The violations grouped by operation and place, array positions blanked: <c>items.[i].role</c> is one violation however many items break it.</summary>
    public IReadOnlyList<IGrouping<(string? OperationId, string Location), (ContractCall Call, PrismViolation Violation)>> DistinctViolations =>
        [.. Violations.GroupBy(v => (v.Call.Operation?.OperationId, ArrayPosition().Replace(v.Violation.Location, "[i]")))];

    /// <summary>Requests the API refused with 400 although Prism found nothing wrong with them: rules the contract does not (or cannot) state.</summary>
    public IReadOnlyList<ContractCall> UndeclaredRules =>
        [.. _calls.Where(c => c.Status == 400 && !c.Violations.Any(v => !v.IsResponse))];

    /// <summary>Each distinct failure once (by operation and what went wrong), with the first call that shows it.</summary>
    public string Report()
    {
        var report = new StringBuilder();
        var statuses = UnexpectedStatuses.GroupBy(c => (c.Operation?.OperationId, c.Expected, c.Status, c.Cause)).ToList();
        if (statuses.Count > 0)
        {
            report.AppendLine($"Unexpected statuses ({statuses.Count} distinct):");
            foreach (var group in statuses)
            {
                var call = group.First();
                report.AppendLine($"- {call.Operation?.OperationId ?? "?"}: expected {call.Expected}, got {call.Status}{(call.Cause is null ? string.Empty : $" — {call.Cause}")} ({group.Count()}×)");
                report.AppendLine(call.Describe());
            }
        }

        var violations = DistinctViolations;
        if (violations.Count > 0)
        {
            report.AppendLine($"Contract violations ({violations.Count} distinct):");
            foreach (var group in violations)
            {
                var (call, _) = group.First();
                var messages = string.Join("; ", group.Select(v => ArrayPosition().Replace(v.Violation.Message, "[i]")).Distinct());
                report.AppendLine($"- {call.Operation?.OperationId ?? "?"} → {call.Status}: {group.Key.Location}: {messages} ({group.Count()}×)");
                report.AppendLine(call.Describe());
            }
        }

        var uncovered = Uncovered;
        if (uncovered.Count > 0)
        {
            report.AppendLine($"Operations never called: {string.Join(", ", uncovered)}");
        }

        return report.ToString();
    }

    /// <summary>An array position in a path such as <c>items.3.role</c> (or <c>0.role</c> at the start of a message's path).</summary>
    [GeneratedRegex(@"(?<=[. ])[0-9]+(?=\.[A-Za-z])|(?<=\.)[0-9]+$")]
    private static partial Regex ArrayPosition();
}

/// <summary>One request sent through Prism and what came back.</summary>
public sealed partial record ContractCall(
    string Caller, string Method, string Uri, IReadOnlyList<string> Headers, string? Body, ContractOperation? Operation,
    int Expected, bool BreaksRequestContract, int Status, string ResponseBody, IReadOnlyList<PrismViolation> Violations, string? Cause)
{
    /// <summary>The request and response, as much as it takes to reproduce them.</summary>
    public string Describe()
    {
        var text = new StringBuilder($"    {Method} {AccessKey().Replace(Uri, "access_key=<key>")} as {Caller}");
        foreach (var header in Headers)
        {
            text.Append($"\n    {header}");
        }

        if (Body is not null)
        {
            text.Append($"\n    body: {Shorten(Body)}");
        }

        text.Append($"\n    → {Status} {Shorten(ResponseBody, 600)}");
        return text.ToString();
    }

    /// <summary>
    /// A request body whole up to a few thousand characters (what breaks it may be near its end), beyond that its
    /// start and end; a response body up to <paramref name="limit"/>.
    /// </summary>
    public static string Shorten(string text, int limit = 3000) =>
        text.Length <= limit ? text : $"{text[..(limit * 2 / 3)]} …({text.Length} characters in all)… {text[^(limit / 6)..]}";

    /// <summary>A key in the query (calendar feeds) stays out of test output, as keys stay out of logs.</summary>
    [GeneratedRegex("access_key=[^&]+")]
    private static partial Regex AccessKey();
}

/// <summary>One entry of Prism's <c>sl-violations</c> header.</summary>
public sealed record PrismViolation(string Location, string Severity, string Message)
{
    public bool IsResponse => Location.StartsWith("response", StringComparison.Ordinal);

    public static IReadOnlyList<PrismViolation> Parse(string header) =>
        [.. JsonDocument.Parse(header).RootElement.EnumerateArray().Select(v => new PrismViolation(
            string.Join('.', v.GetProperty("location").EnumerateArray().Select(l => l.ToString())),
            v.GetProperty("severity").GetString() ?? string.Empty,
            v.GetProperty("message").GetString() ?? string.Empty))];
}
