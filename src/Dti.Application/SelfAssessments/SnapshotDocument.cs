using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dti.Application.Obligations;

namespace Dti.Application.SelfAssessments;

/// <summary>
/// The one canonical JSON form of a finalised self-assessment: object keys in ordinal order at every level, no white space,
/// text in Unicode NFC, decimals as strings with a fixed scale (values 4 decimals, points 2), instants in +07:00. The same
/// consolidation always gives the same bytes, so the SHA-256 and the signature over them prove the snapshot unchanged.
/// Every index carries its three numbers: self-assessed now; appraised and final (by the ministry's council) null until imported.
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

    public static string? Value(decimal? value) => value?.ToString("F4", CultureInfo.InvariantCulture);

    public static string? Points(decimal? points) => points?.ToString("F2", CultureInfo.InvariantCulture);

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
                    writer.WriteStringValue(node.GetValue<string>().Normalize(NormalizationForm.FormC));
                }
                else
                {
                    node.WriteTo(writer);
                }

                break;
        }
    }
}
