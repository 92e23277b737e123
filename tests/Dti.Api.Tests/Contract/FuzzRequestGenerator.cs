using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dti.Api.Tests.Contract;

/// <summary>
/// Generates requests from the contract, the same ones for the same seed: for each operation in turn, path
/// parameters (mostly ids that exist, sometimes hostile values), declared and unknown query parameters with
/// boundary, out-of-range and wrong-type values, Accept and If-Match variants, and bodies built from the schema
/// and then broken — a property null or of the wrong type, null array items, deep nesting, huge strings,
/// control characters, unknown properties, invalid JSON, other roots, other media types.
/// </summary>
public sealed class FuzzRequestGenerator(ContractDocument contract, IReadOnlyDictionary<string, Guid[]> existing, int seed)
{
    /// <summary>Replaced in the serialised body by raw JSON that a <see cref="JsonNode"/> cannot hold.</summary>
    private const string RawMarker = "__fuzz_raw__";

    /// <summary>
    /// Not %00: the in-memory test server refuses a path with a null character before the application sees it,
    /// as Kestrel does (400); it stays in queries and bodies.
    /// </summary>
    private static readonly string[] HostilePathValues =
    [
        "00000000-0000-0000-0000-000000000000", "99999999999999999999", "2147483648", "-1", "0", "", "%20", "%2F", "..%2F..",
        Uri.EscapeDataString("Quảng Trị"), Uri.EscapeDataString("😀"), "%E2%80%AE", "%C0%AF", "%FF", "null", "1e9", "2026-02-30", "9999-12-31", "0001-01-01",
        Uri.EscapeDataString("' OR 1=1 --"), new string('9', 400), new string('a', 5000),
    ];

    private static readonly string[] HostileNumbers =
    [
        "-1", "0", "2147483647", "2147483648", "-2147483648", "21474838", "99999999999999999999", "1.5", "1e3", "0x10", "%20", "", "abc", "null",
    ];

    private static readonly string[] HostileDates = ["2026-02-30", "0001-01-01", "9999-12-31", "2026-01-01T25:00:00Z", "20260101", "yesterday", "", "-1"];

    private static readonly string[] HostileTexts =
    [
        "%00", "a%00b", "%01", "%1B", "%7F", "%E2%80%A8", "%EF%BB%BF", "%25", "_", "%20", "", "true", "00000000-0000-0000-0000-000000000000",
        Uri.EscapeDataString("'; DROP TABLE agencies; --"), Uri.EscapeDataString("Quảng Trị"), Uri.EscapeDataString("\u202e\u0007"), new string('x', 3000),
    ];

    private static readonly string[] UnknownQueries =
    [
        "foo=bar", "access_key=dti_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "page[]=1", "%24filter=x", "pageSize=10&pageSize=20", "q=%00", "=1", "&&&",
    ];

    private static readonly string[] Accepts =
    [
        "application/json", "application/problem+json", "text/calendar", "text/html", "application/xml", "*/*", "text/plain", "image/png",
        "application/json;q=0", "garbage", "",
    ];

    private static readonly string[] IdempotencyKeys =
    [
        "fuzz-key-1", "fuzz-key-2", "\"fuzz-key-1\"", "8e03978e-40d5-43e8-bc93-6894a57f9324", "", " ", "\"", "\"\"", "\"a\\b\"", "\"a\"b\"", "khóa",
        "a\u0000b", new string('k', 255), new string('k', 256), "k1, k2",
    ];

    private static readonly string[] FileNames =
    [
        "Báo cáo quý 4.pdf", "Báo cáo.PDF", "Số liệu.xlsx", "Kế hoạch.docx", "Ảnh.png", "Ảnh.jpg", "setup.exe", "noextension", "", "../../etc/passwd", "a\\b.pdf",
        "a\u0000b.pdf", new string('x', 300) + ".pdf", "😀.png",
    ];

    private static readonly string[] IfMatches = ["\"1\"", "\"2\"", "*", "garbage", "W/\"1\"", "\"99999999999999999999\"", "\"-1\"", "\"abc\"", "\"1\", \"2\"", "\"\""];

    private static readonly string[] Phrases =
    [
        "Sở Thông tin và Truyền thông Quảng Trị", "Ủy ban nhân dân tỉnh Quảng Trị", "Nâng cao chỉ số chuyển đổi số tỉnh Quảng Trị (DTI)",
        "Về nhận thức số", "Hợp nhất Sở TT&TT vào Sở KH&CN", "Nguyễn Văn A", "Phó Giám đốc", "Báo cáo chuyển đổi số hằng quý", "x",
    ];

    private static readonly string[] RuleTexts =
    [
        "hằng quý trước ngày 25 của tháng cuối quý", "annually no later than 20/12", "monthly no later than the 15th",
        "hằng năm chậm nhất ngày 15/01 năm sau; căn cứ: 2351/UBND-KSTT ngày 16/11/2023", "weekly before friday",
    ];

    private static readonly string[] ControlCharacters = ["\u0000", "\u0001", "\b", "\u001b", "\u007f", "\u0085", "\u2028", "\ufeff", "\r\n", "\t"];

    private static readonly string[] InvalidJson =
    [
        "{", "{'code':1}", "{\"code\":}", "[1,2,]", "NaN", "\u0000", "{\"code\":\"x\"}}", "\"unterminated", "{\"a\":1,\"a\":2}", "\ufeff{}", "{} trailing",
    ];

    private static readonly string[] OtherRoots = ["null", "[]", "42", "\"text\"", "true", "[{}]", "{}"];

    private static readonly string[] OtherMediaTypes =
    [
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=utf-16",
        "application/merge-patch+json", "text/csv", "application/*", "",
    ];

    private static readonly string[] ExtremeNumbers =
    [
        "1e309", "-1e309", "99999999999999999999999999", "-0", "1.7976931348623157E+308", "0.0000000000000000000001", "2147483648", "-2147483649",
        "79228162514264337593543950336",
    ];

    private static readonly JsonNode[] WrongTypes = [42, "text", true, new JsonArray(), new JsonObject(), 1.5, -1, "2026-13-45"];

    /// <summary>Vietnamese stays readable in a printed body; control characters are still escaped, as JSON requires.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Random _random = new(seed);

    public FuzzRequest Next(int index)
    {
        var operation = contract.Operations[index % contract.Operations.Count];
        var caller = Pick(100) switch
        {
            < 8 => FuzzCaller.Anonymous,
            < 10 => FuzzCaller.UnknownKey,
            _ => FuzzCaller.Coordinator,
        };
        var headers = new List<(string, string)>();
        if (Chance(30))
        {
            headers.Add(("Accept", Pick(Accepts)));
        }

        if (operation.Method != "GET" && Chance(25))
        {
            headers.Add(("If-Match", Pick(IfMatches)));
        }

        if (operation.Parameters.Any(p => p is { In: "header", Name: "Idempotency-Key" }) && Chance(30))
        {
            headers.Add(("Idempotency-Key", Pick(IdempotencyKeys)));
        }

        var (body, mediaType) = operation.BodyMediaType switch
        {
            null when Chance(3) => (Encoding.UTF8.GetBytes("{\"unexpected\":true}"), "application/json"),
            null => (null, null),
            "text/csv" => (Encoding.UTF8.GetBytes(Csv()), Chance(90) ? "text/csv" : Pick(OtherMediaTypes)),
            "multipart/form-data" => Multipart(),
            _ when Chance(5) => (null, null),
            _ => JsonBody(operation.BodySchema!),
        };
        return new FuzzRequest(seed, index, operation, caller, PathOf(operation) + QueryOf(operation), headers, body, mediaType);
    }

    private string PathOf(ContractOperation operation)
    {
        var path = operation.PathTemplate;
        string? resource = null;
        foreach (var segment in operation.PathTemplate.Split('/'))
        {
            if (!segment.StartsWith('{'))
            {
                resource = segment;
                continue;
            }

            // A segment is a parameter, or a parameter with a suffix (`{year}.csv`).
            var name = segment[1..segment.IndexOf('}', StringComparison.Ordinal)];
            var parameter = operation.Parameters.First(p => p.In == "path" && p.Name == name);
            var value = Chance(70) ? Uri.EscapeDataString(PathValue(parameter, resource!)) : Pick(HostilePathValues);
            path = path.Replace($"{{{name}}}", value, StringComparison.Ordinal);
        }

        return path;
    }

    private string PathValue(ContractParameter parameter, string resource) => parameter.Name switch
    {
        "year" => Pick(["2021", "2022", "2023", "2024", "2026", "2027"]),
        "date" => Pick(["2026-02-16", "2026-01-10", "2023-08-11", "2027-02-06"]),
        "code" => Pick(["QD-922-2022", "QD-405-2025", "TEST-2015"]),
        "indexCode" => Pick(["7", "7.1", "1", "4", "8.2"]),
        _ when (string?)parameter.Schema["format"] == "uuid" => Id(resource).ToString(),
        _ => Text(parameter.Name),
    };

    private string QueryOf(ContractOperation operation)
    {
        var parts = new List<string>();
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            if (Chance(parameter.Required ? 90 : 50))
            {
                var value = Chance(65) ? Uri.EscapeDataString(Sample(parameter.Schema, parameter.Name)?.ToString() ?? string.Empty) : Hostile(parameter.Schema);
                parts.Add($"{parameter.Name}={value}");
            }
        }

        // Paging past the end of what a 32-bit offset holds.
        if (operation.Parameters.Any(p => p.Name == "page") && Chance(5))
        {
            parts.Add($"page={Pick(["21474838", "2147483647", "1073741824"])}&pageSize=100");
        }

        if (Chance(10))
        {
            parts.Add(Pick(UnknownQueries));
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join('&', parts);
    }

    /// <summary>A hostile query value of the parameter's kind, so that each kind of value meets each kind of parameter often.</summary>
    private string Hostile(JsonNode schema)
    {
        schema = contract.Resolve(schema);
        return ((string?)schema["type"], (string?)schema["format"]) switch
        {
            ("integer" or "number", _) => Pick(HostileNumbers),
            (_, "date" or "date-time") => Pick(HostileDates),
            _ when Chance(15) => Pick(HostileNumbers),
            _ => Pick(HostileTexts),
        };
    }

    private (byte[] Body, string? MediaType) JsonBody(JsonNode schema)
    {
        var body = Sample(schema, "body") ?? new JsonObject();
        string? raw = null;
        var mediaType = "application/json; charset=utf-8";
        switch (Pick(100))
        {
            case < 20:
                break;
            case < 32:
                Replace(body, _ => null);
                break;
            case < 44:
                Replace(body, _ => Pick(WrongTypes).DeepClone());
                break;
            case < 52:
                if (Slots(body).Select(s => s.Value).OfType<JsonArray>().ToList() is { Count: > 0 } arrays)
                {
                    Pick(arrays).Add((JsonNode?)null);
                }
                else
                {
                    Replace(body, _ => new JsonArray((JsonNode?)null));
                }

                break;
            case < 56:
                raw = new string('[', 5000) + new string(']', 5000);
                Replace(body, _ => RawMarker);
                break;
            case < 60:
                Replace(body, _ => new string('x', Chance(80) ? 300_000 : 1_100_000));
                break;
            case < 70:
                Replace(body, value => $"{value?.ToString() ?? "x"}{Pick(ControlCharacters)}", strings: true);
                break;
            case < 76:
                Objects(body)[Pick(["maxPonts", "isAdmin", "__proto__", "", "ID", "roles"]) + (Chance(50) ? string.Empty : "x")] = Pick(WrongTypes).DeepClone();
                break;
            case < 82:
                return (Encoding.UTF8.GetBytes(Pick(InvalidJson)), mediaType);
            case < 88:
                mediaType = Pick(OtherMediaTypes);
                break;
            case < 93:
                return (Encoding.UTF8.GetBytes(Pick(OtherRoots)), mediaType);
            case < 96:
                return ([], mediaType);
            default:
                raw = Pick(ExtremeNumbers);
                Replace(body, _ => RawMarker);
                break;
        }

        var text = body.ToJsonString(Readable);
        if (raw is not null)
        {
            text = text.Replace($"\"{RawMarker}\"", raw, StringComparison.Ordinal);
        }

        return (Encoding.UTF8.GetBytes(text), mediaType);
    }

    /// <summary>A valid-looking value for a schema: enum members, ids that exist, dates and numbers in plausible ranges, Vietnamese text.</summary>
    private JsonNode? Sample(JsonNode schema, string name, int depth = 0)
    {
        schema = contract.Resolve(schema);
        if ((schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices)
        {
            return Sample(Pick([.. choices])!, name, depth);
        }

        if ((bool?)schema["nullable"] == true && Chance(5))
        {
            return null;
        }

        if (schema["enum"] is JsonArray members)
        {
            return Pick([.. members])?.DeepClone();
        }

        var type = schema["type"] is JsonArray types ? (string?)types.FirstOrDefault(t => (string?)t != "null") : (string?)schema["type"];
        return type switch
        {
            "object" or null when schema["properties"] is JsonObject properties => SampleObject(schema, properties, depth),
            "array" => depth > 4 ? new JsonArray() : new JsonArray([.. Enumerable.Range(0, Pick(4)).Select(_ => Sample(schema["items"] ?? new JsonObject(), name, depth + 1))]),
            "integer" => Integer(schema, name),
            "number" => Math.Round(_random.NextDouble() * 200, 1),
            "boolean" => Chance(50),
            "string" => StringValue(schema, name),
            _ => Text(name),
        };
    }

    private JsonObject SampleObject(JsonNode schema, JsonObject properties, int depth)
    {
        var required = schema["required"]?.AsArray().Select(r => (string?)r).ToHashSet() ?? [];
        var result = new JsonObject();
        foreach (var (property, propertySchema) in properties)
        {
            if (required.Contains(property) || Chance(85))
            {
                result[property] = Sample(propertySchema!, property, depth + 1);
            }
        }

        return result;
    }

    private JsonNode Integer(JsonNode schema, string name)
    {
        if ((int?)schema["minimum"] is { } minimum && (int?)schema["maximum"] is { } maximum && Chance(80))
        {
            return _random.Next(minimum, maximum == int.MaxValue ? maximum : maximum + 1);
        }

        return name switch
        {
            _ when name.EndsWith("Year", StringComparison.OrdinalIgnoreCase) || name == "year" => _random.Next(2021, 2028),
            "percent" => _random.Next(0, 101),
            "day" => _random.Next(1, 29),
            "month" => _random.Next(1, 13),
            "targetRank" => _random.Next(1, 64),
            "page" => _random.Next(1, 4),
            _ => _random.Next(0, 101),
        };
    }

    private JsonNode StringValue(JsonNode schema, string name) => (string?)schema["format"] switch
    {
        "uuid" => Id(ResourceOf(name)).ToString(),
        "date" => name switch
        {
            "validFrom" => "2020-01-01",
            "effectiveDate" => "2025-03-01",
            "to" or "dueTo" => Date(2023, 2027),
            _ => Date(2020, 2027),
        },
        "date-time" => Pick(["2099-01-01T00:00:00Z", "2026-01-01T00:00:00+07:00", "2020-01-01T00:00:00Z"]),
        _ => Text(name),
    };

    private string Text(string name) => name switch
    {
        "code" => Pick([$"000.00.{Pick(100):00}.H50", $"FUZZ-{Pick(10000)}", "7.3"]),
        "indexCode" or "mainIndexCode" => Pick(["1", "2", "4", "7", "7.1", "9"]),
        "pillarCode" => Pick(["CQS", "KTS", "XHS"]),
        "documentNumber" => $"{Pick(1000)}/KH-UBND",
        "decisionNumber" => "922/QĐ-BTTTT",
        "dueMonth" => $"2023-{Pick(12) + 1:00}",
        "text" => Pick(RuleTexts),
        "targetRankGroup" => "khá",
        "contact" => "cntt@stttt.quangtri.gov.vn",
        "unit" => "%",
        "sort" => Pick(["code", "-code", "name", "-firstAssessmentYear", "documentNumber", "dueDate", "-indexCode", "title"]),
        "q" => Pick(["quang tri", "sở", "QUẢNG TRỊ", "%", "_"]),
        "entityType" => Pick(["Agency", "Plan", "Framework", "MainIndex"]),
        _ => Pick(Phrases),
    };

    /// <summary>Which existing ids a property or parameter names, from its name.</summary>
    private static string ResourceOf(string name) => name switch
    {
        "parentPlanId" or "supersededById" or "planId" => "plans",
        "ruleIds" => "deadline-rules",
        _ when name.Contains("agenc", StringComparison.OrdinalIgnoreCase) || name is "successorId" or "parentId" or "issuerAgencyId" => "agencies",
        _ => string.Empty,
    };

    private Guid Id(string resource)
    {
        if (existing.TryGetValue(resource, out var ids) && ids.Length > 0 && Chance(90))
        {
            return Pick(ids);
        }

        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private string Date(int firstYear, int lastYear) =>
        new DateOnly(firstYear, 1, 1).AddDays(_random.Next(0, ((lastYear - firstYear + 1) * 365) - 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private string Csv()
    {
        const string header = "code,mainIndexCode,order,nameVi,maxPoints,measureType,unit,evidenceRequired,isSample";
        var row = $"7.{Pick(9) + 1},7,{Pick(9)},Tỷ lệ hồ sơ trực tuyến,{Pick(200)},Percentage,%,true,true";
        return Pick(10) switch
        {
            0 => header + "\n" + row + "\n",
            1 => "code,mainIndexCode\n7.1\n",
            2 => header + ",colour\n" + row + ",red\n",
            3 => header + "\n\"7.1,7,1,\"unbalanced,1,Count,%,true,true\n",
            4 => header + "\n" + string.Concat(Enumerable.Repeat(row + "\n", 5000)),
            5 => header + "\n" + row.Replace("Tỷ lệ", "Tỷ\u0000lệ", StringComparison.Ordinal) + "\n",
            6 => string.Empty,
            7 => "\ufeff" + header + "\r" + row + "\r",
            8 => header + "\n" + row.Replace(",Percentage,", ",Colour,", StringComparison.Ordinal).Replace(",true,true", ",maybe,", StringComparison.Ordinal) + "\n",
            _ => header.Replace(',', ';') + "\n" + row.Replace(',', ';') + "\n" + new string('x', 100_000) + "\n",
        };
    }

    /// <summary>
    /// An upload: a real or hostile file under a real or hostile name, sometimes with a description, unknown or repeated
    /// fields, a part without a file name, a broken or missing boundary, or another media type.
    /// </summary>
    private (byte[] Body, string? MediaType) Multipart()
    {
        var boundary = $"fuzz{Pick(1_000_000)}";
        byte[][] files =
        [
            Evidence.EvidenceFiles.Pdf(), Evidence.EvidenceFiles.Png(), Evidence.EvidenceFiles.Jpeg(), Evidence.EvidenceFiles.Docx(), Evidence.EvidenceFiles.Ods(),
            Evidence.EvidenceFiles.Executable(), Evidence.EvidenceFiles.Html(), Evidence.EvidenceFiles.PlainZip(), [], "PK\u0003\u0004garbage"u8.ToArray(),
            [.. "PK\u0003\u0004"u8, .. new byte[5000], .. "PK\u0005\u0006"u8, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF],
        ];
        var body = new MemoryStream();
        void Part(string headers, byte[] content)
        {
            body.Write(Encoding.UTF8.GetBytes($"--{boundary}\r\n{headers}\r\n\r\n"));
            body.Write(content);
            body.Write("\r\n"u8);
        }

        var fieldName = Chance(90) ? "file" : Pick(["File", "upload", "description", ""]);
        var fileName = Pick(FileNames);
        Part(Chance(90) ? $"Content-Disposition: form-data; name=\"{fieldName}\"; filename=\"{fileName}\"\r\nContent-Type: {Pick(["application/pdf", "image/png", "text/html", "application/octet-stream"])}" : $"Content-Disposition: form-data; name=\"{fieldName}\"", Pick(files));
        if (Chance(50))
        {
            Part("Content-Disposition: form-data; name=\"description\"", Encoding.UTF8.GetBytes(Chance(80) ? Pick(Phrases) : Pick([new string('x', 3000), "a\u0000b", "\u001b[31m"])));
        }

        if (Chance(10))
        {
            Part($"Content-Disposition: form-data; name=\"{Pick(["descripton", "description", "file", "isAdmin"])}\"", "x"u8.ToArray());
        }

        if (Chance(90))
        {
            body.Write(Encoding.UTF8.GetBytes($"--{boundary}--\r\n"));
        }

        return (body.ToArray(), Pick(10) switch
        {
            0 => "multipart/form-data",
            1 => $"multipart/form-data; boundary=other{boundary}",
            2 => Pick(OtherMediaTypes),
            _ => $"multipart/form-data; boundary={boundary}",
        });
    }

    /// <summary>Replaces one value of the body (a property or an array item, anywhere) with what <paramref name="replace"/> makes of it.</summary>
    private void Replace(JsonNode body, Func<JsonNode?, JsonNode?> replace, bool strings = false)
    {
        var slots = Slots(body).Where(s => !strings || s.Value is JsonValue v && v.TryGetValue<string>(out _)).ToList();
        if (slots.Count == 0)
        {
            Objects(body)["fuzz"] = replace(null);
            return;
        }

        var (parent, key, index, value) = Pick(slots);
        var replacement = replace(value?.DeepClone());
        if (parent is JsonObject o)
        {
            o[key!] = replacement;
        }
        else
        {
            ((JsonArray)parent)[index] = replacement;
        }
    }

    private static IEnumerable<(JsonNode Parent, string? Key, int Index, JsonNode? Value)> Slots(JsonNode node)
    {
        IEnumerable<(JsonNode, string?, int, JsonNode?)> children = node switch
        {
            JsonObject o => o.Select(p => ((JsonNode)o, (string?)p.Key, -1, p.Value)),
            JsonArray a => a.Select((v, i) => ((JsonNode)a, (string?)null, i, v)),
            _ => [],
        };
        foreach (var child in children.ToList())
        {
            yield return child;
            if (child.Item4 is { } value)
            {
                foreach (var nested in Slots(value))
                {
                    yield return nested;
                }
            }
        }
    }

    private JsonObject Objects(JsonNode body) =>
        Pick([.. Slots(body).Select(s => s.Value).OfType<JsonObject>().Prepend(body as JsonObject).OfType<JsonObject>().DefaultIfEmpty(new JsonObject())]);

    private bool Chance(int percent) => _random.Next(100) < percent;

    private int Pick(int count) => _random.Next(count);

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
