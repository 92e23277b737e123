using System.Globalization;
using System.Text;
using System.Text.Json;
using Dti.Application.Common.Csv;

namespace Dti.Application.SelfAssessments;

/// <summary>What a snapshot can be downloaded as.</summary>
public enum SnapshotFormat
{
    /// <summary>The canonical JSON document, exactly as signed.</summary>
    Json,

    /// <summary>One row per index, UTF-8 with a byte-order mark so a spreadsheet keeps the Vietnamese.</summary>
    Csv,

    /// <summary>The detached CMS signature (DER) over the JSON document's bytes.</summary>
    Signature,

    /// <summary>A DHIS2 <c>dataValueSet</c> (period = the year, data elements = index codes) for aggregate-reporting platforms.</summary>
    Dhis2,
}

/// <summary>A downloadable representation of a snapshot revision, with its strong ETag (the SHA-256 of its bytes).</summary>
/// <param name="Content">The bytes; null when the client's If-None-Match already names them (304).</param>
/// <param name="MediaType">Its media type.</param>
/// <param name="FileName">A file name for the download.</param>
/// <param name="Sha256">SHA-256 of the bytes, lower-case hex: the ETag.</param>
public sealed record SnapshotFile(byte[]? Content, string MediaType, string FileName, string Sha256);

/// <summary>
/// The DHIS2 rendering of a snapshot: a <c>dataValueSet</c> whose period is the assessment year and whose data elements are
/// the index codes, one value per index with a self-assessed value (main indices on the [0, 1] scale) and one per index
/// with a score (<c>{code}.score</c>). The province's DHIS2 organisation unit is not known here: the importer sets it.
/// </summary>
internal static class SnapshotDhis2
{
    public static byte[] Of(string document)
    {
        using var json = JsonDocument.Parse(document);
        var root = json.RootElement;
        var period = root.GetProperty("assessmentYear").GetInt32().ToString(CultureInfo.InvariantCulture);
        var values = new System.Text.Json.Nodes.JsonArray();
        foreach (var index in root.GetProperty("indices").EnumerateArray())
        {
            var code = index.GetProperty("code").GetString()!;
            var assessed = index.GetProperty("selfAssessed");
            foreach (var (element, field) in new[] { (code, "value"), (code + ".score", "score") })
            {
                if (assessed.GetProperty(field).GetString() is { } value)
                {
                    values.Add(new System.Text.Json.Nodes.JsonObject { ["dataElement"] = element, ["period"] = period, ["value"] = value, ["comment"] = index.GetProperty("status").GetString() });
                }
            }
        }

        var set = new System.Text.Json.Nodes.JsonObject
        {
            ["period"] = period,
            ["completeDate"] = root.GetProperty("finalisedAt").GetString()![..10],
            ["dataValues"] = values,
        };
        return Encoding.UTF8.GetBytes(SnapshotDocument.Write(set));
    }
}

/// <summary>The CSV rendering of a snapshot: read from its frozen JSON document, so it never changes either.</summary>
internal static class SnapshotCsv
{
    private static readonly string[] Header =
        ["code", "level", "mainIndexCode", "nameVi", "maxPoints", "status", "selfAssessedValue", "selfAssessedScore", "appraisedValue", "finalValue", "leadAgencies", "reportId", "versionNumber", "agencyCode", "submittedAt", "acceptedAt", "evidenceSha256", "overrideReason"];

    public static byte[] Of(string document)
    {
        using var json = JsonDocument.Parse(document);
        var rows = new List<string?[]>();
        foreach (var index in json.RootElement.GetProperty("indices").EnumerateArray())
        {
            var reported = index.GetProperty("reported");
            var provenance = reported.ValueKind == JsonValueKind.Object ? reported.GetProperty("provenance") : default;
            var overridden = index.GetProperty("override");
            string?[] cells =
            [
                Text(index, "code"), Text(index, "level"), Text(index, "mainIndexCode"), Text(index, "nameVi"), Text(index, "maxPoints"), Text(index, "status"),
                Text(index.GetProperty("selfAssessed"), "value"), Text(index.GetProperty("selfAssessed"), "score"),
                Number(index.GetProperty("appraised")), Number(index.GetProperty("final")),
                string.Join("; ", index.GetProperty("leadAgencies").EnumerateArray().Select(a => Text(a, "shortName"))),
                Text(provenance, "reportId"), Text(provenance, "versionNumber"),
                provenance.ValueKind == JsonValueKind.Object ? Text(provenance.GetProperty("agency"), "code") : null,
                Text(provenance, "submittedAt"), Text(provenance, "acceptedAt"),
                reported.ValueKind == JsonValueKind.Object ? string.Join(' ', reported.GetProperty("evidence").EnumerateArray().Select(e => Text(e, "sha256")).Where(s => s is not null)) : null,
                Text(overridden, "reason"),
            ];
            rows.Add(cells);
        }

        return CsvWriter.Write(Header, rows);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    private static string? Number(JsonElement element) => element.ValueKind == JsonValueKind.Object ? Text(element, "value") : null;
}
