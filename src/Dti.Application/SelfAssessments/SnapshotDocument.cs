using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dti.Application.Obligations;
using Dti.Domain.Common;

namespace Dti.Application.SelfAssessments;

/// <summary>
/// The one canonical JSON form of a finalised self-assessment: object keys in ordinal order at every level, no white space,
/// text in Unicode NFC, decimals as strings with a fixed scale (values 4 decimals, points 2), instants in +07:00. The same
/// consolidation always gives the same bytes, so the SHA-256 and the signature over them prove the snapshot unchanged.
/// Every index carries its three numbers: self-assessed; appraised and final (by the ministry's council) null, for the signed
/// bytes never change — the ministry's numbers are kept beside the snapshot (<see cref="Domain.SelfAssessments.MinistryFigureSet"/>).
/// </summary>
internal static class SnapshotDocument
{
    public const string Format = "dti-self-assessment/1";

    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    public static string Of(SelfAssessmentDto assessment, string finalisedBy, DateTimeOffset finalisedAt, string signerThumbprint)
    {
        var document = new JsonObject
        {
            ["format"] = Format,
            ["assessmentYear"] = assessment.AssessmentYear,
            ["revision"] = assessment.Revision,
            ["frameworkCode"] = assessment.FrameworkCode,
            ["finalisedAt"] = Instant(finalisedAt),
            ["finalisedBy"] = finalisedBy,
            ["signerThumbprint"] = signerThumbprint,
            ["deadline"] = new JsonObject
            {
                ["ruleName"] = assessment.Deadline.RuleName,
                ["lastAllowedDay"] = assessment.Deadline.LastAllowedDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            },
            ["score"] = Score(assessment.Score),
            ["completeness"] = Completeness(assessment.Completeness),
            ["indices"] = new JsonArray([.. assessment.Indices.Select(Index)]),
        };
        return Write(document);
    }

    /// <summary>Writes <paramref name="node"/> canonically: keys ordinal-sorted, strings NFC.</summary>
    public static string Write(JsonNode node)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Writer))
        {
            WriteNode(writer, node);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Reads a frozen document back — the one reader of what a revision said as signed, never the live draft: its indices
    /// in order with their self-assessed numbers (what the ministry's figures are compared with), and the DTI with each
    /// main index (its name, whether it is scored, its max points and its value on the [0, 1] scale).
    /// </summary>
    public static FrozenSnapshot Read(string document)
    {
        using var json = JsonDocument.Parse(document);
        var root = json.RootElement;
        List<SnapshotRow> indices =
        [
            .. root.GetProperty("indices").EnumerateArray().Select(i => new SnapshotRow(
                i.GetProperty("code").GetString()!,
                Enum.Parse<AssessedIndexLevel>(i.GetProperty("level").GetString()!),
                i.GetProperty("mainIndexCode").GetString(),
                i.GetProperty("nameVi").GetString()!,
                Decimal(i.GetProperty("maxPoints")),
                Decimal(i.GetProperty("selfAssessed").GetProperty("value")),
                Decimal(i.GetProperty("selfAssessed").GetProperty("score")))),
        ];
        var names = indices.Where(i => i.Level == AssessedIndexLevel.Main).ToDictionary(i => i.Code, i => i.NameVi, StringComparer.Ordinal);
        var score = root.GetProperty("score");
        var mains = score.GetProperty("mainIndices").EnumerateArray().Select(m =>
        {
            var code = m.GetProperty("code").GetString()!;
            return new SnapshotMainIndex(code, names.GetValueOrDefault(code, code), m.GetProperty("isScored").GetBoolean(), Decimal(m.GetProperty("maxPoints")), Decimal(m.GetProperty("value")));
        });
        return new FrozenSnapshot(root.GetProperty("frameworkCode").GetString()!, Decimal(score.GetProperty("dti")), [.. mains], indices);
    }

    public static string? Value(decimal? value) => value?.ToString("F4", CultureInfo.InvariantCulture);

    public static string? Points(decimal? points) => points?.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>A decimal written as a string at a fixed scale, or null.</summary>
    private static decimal? Decimal(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? decimal.Parse(element.GetString()!, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null;

    private static string Instant(DateTimeOffset at) =>
        at.ToOffset(Domain.Deadlines.DeadlineCalculator.VietnamOffset).ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture);

    private static JsonObject Score(DtiScoreDto score) => new()
    {
        ["dti"] = Value(score.Value),
        ["points"] = Points(score.Points),
        ["scoredMaxPoints"] = Points(score.ScoredMaxPoints),
        ["unvaluedScoredMainIndices"] = score.UnvaluedScoredMainIndices,
        ["mainIndices"] = new JsonArray([.. score.MainIndices.Select(m => (JsonNode)new JsonObject
        {
            ["code"] = m.Code,
            ["pillarCode"] = m.PillarCode,
            ["isScored"] = m.IsScored,
            ["counted"] = m.Counted,
            ["basis"] = m.Basis.ToString(),
            ["maxPoints"] = Points(m.MaxPoints),
            ["value"] = Value(m.Value),
            ["points"] = Points(m.Points),
        })]),
        ["pillars"] = new JsonArray([.. score.Pillars.Select(p => (JsonNode)new JsonObject
        {
            ["code"] = p.Code,
            ["mainIndexCodes"] = new JsonArray([.. p.MainIndexCodes.Select(c => (JsonNode)c)]),
            ["maxPoints"] = Points(p.MaxPoints),
            ["points"] = Points(p.Points),
            ["value"] = Value(p.Value),
        })]),
    };

    private static JsonObject Completeness(SelfAssessmentCompletenessDto completeness) => new()
    {
        ["indices"] = completeness.Indices,
        ["withValue"] = completeness.WithValue,
        ["withEvidence"] = completeness.WithEvidence,
        ["mainIndices"] = new JsonArray([.. completeness.MainIndices.Select(m => (JsonNode)new JsonObject
        {
            ["mainIndexCode"] = m.MainIndexCode,
            ["indices"] = m.Indices,
            ["withValue"] = m.WithValue,
            ["withEvidence"] = m.WithEvidence,
        })]),
        ["missingByLead"] = new JsonArray([.. completeness.MissingByLead.Select(m => (JsonNode)new JsonObject
        {
            ["agency"] = Agency(m.Agency),
            ["indexCodes"] = new JsonArray([.. m.IndexCodes.Select(c => (JsonNode)c)]),
        })]),
    };

    private static JsonObject Index(AssessedIndexDto index) => new()
    {
        ["code"] = index.Code,
        ["level"] = index.Level.ToString(),
        ["mainIndexCode"] = index.MainIndexCode,
        ["nameVi"] = index.NameVi,
        ["maxPoints"] = Points(index.MaxPoints),
        ["status"] = index.Status.ToString(),
        ["selfAssessed"] = new JsonObject { ["value"] = Value(index.Value), ["score"] = Points(index.Score) },
        ["appraised"] = null,
        ["final"] = null,
        ["leadAgencies"] = new JsonArray([.. index.LeadAgencies.Select(a => (JsonNode?)Agency(a))]),
        ["reported"] = index.Reported is not { } reported ? null : new JsonObject
        {
            ["value"] = Value(reported.Value),
            ["textValue"] = reported.TextValue,
            ["score"] = Points(reported.Score),
            ["explanation"] = reported.Explanation,
            ["evidence"] = new JsonArray([.. reported.Evidence.Select(e => (JsonNode)new JsonObject
            {
                ["id"] = e.Id.ToString(),
                ["kind"] = e.Kind,
                ["fileName"] = e.FileName,
                ["sha256"] = e.Sha256,
                ["url"] = e.Url,
            })]),
            ["provenance"] = new JsonObject
            {
                ["reportId"] = reported.Provenance.ReportId.ToString(),
                ["versionNumber"] = reported.Provenance.VersionNumber,
                ["revision"] = reported.Provenance.Revision,
                ["agency"] = Agency(reported.Provenance.Agency),
                ["submittedAt"] = Instant(reported.Provenance.SubmittedAt),
                ["acceptedAt"] = Instant(reported.Provenance.AcceptedAt),
                ["contentHash"] = reported.Provenance.ContentHash,
            },
        },
        ["override"] = index.Override is not { } change ? null : new JsonObject
        {
            ["value"] = Value(change.Value),
            ["score"] = Points(change.Score),
            ["reason"] = change.Reason,
            ["by"] = change.ByName,
            ["at"] = Instant(change.At),
        },
    };

    private static JsonObject? Agency(ObligationAgencyDto? agency) =>
        agency is null ? null : new JsonObject { ["id"] = agency.Id.ToString(), ["code"] = agency.Code, ["shortName"] = agency.ShortName };

    private static void WriteNode(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(key);
                    WriteNode(writer, value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    WriteNode(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                if (node.GetValueKind() == JsonValueKind.String)
                {
                    writer.WriteStringValue(Nfc.Of(node.GetValue<string>()));
                }
                else
                {
                    node.WriteTo(writer);
                }

                break;
        }
    }
}

/// <summary>One index of a snapshot document: where it sits in the framework and its self-assessed numbers.</summary>
internal sealed record SnapshotRow(string Code, AssessedIndexLevel Level, string? MainIndexCode, string NameVi, decimal? MaxPoints, decimal? Value, decimal? Score);

/// <summary>A main index as a frozen snapshot document holds it.</summary>
internal sealed record SnapshotMainIndex(string Code, string NameVi, bool IsScored, decimal? MaxPoints, decimal? Value);

/// <summary>A frozen snapshot document read back: the framework it names, its DTI and main indices, and every index in order.</summary>
internal sealed record FrozenSnapshot(string FrameworkCode, decimal? Dti, IReadOnlyList<SnapshotMainIndex> MainIndices, IReadOnlyList<SnapshotRow> Indices);
