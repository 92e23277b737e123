using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Globalization;
using Dti.Application.Common.Validation;

namespace Dti.Api;

/// <summary>
/// The API's JSON: camelCase, enums as strings, DateOnly as yyyy-MM-dd, instants with offset,
/// Vietnamese written as UTF-8 rather than \u escapes (JSON is never embedded in HTML here), and no silently ignored properties on input.
/// </summary>
internal static class JsonConventions
{
    public static void Apply(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new PlainDecimalConverter());
        options.Converters.Add(new CheckedStringConverter());
    }

    /// <summary>A string a client sent that <see cref="TextRules"/> forbids; the 400 names its JSON path.</summary>
    internal sealed class ForbiddenTextException(string message) : JsonException(message);

    /// <summary>
    /// Every string read from a body — property values, list items, dictionary keys — passes <see cref="TextRules"/> before any
    /// validator or handler sees it, so no endpoint can forget the check.
    /// </summary>
    private sealed class CheckedStringConverter : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

        public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => Checked(ref reader);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WritePropertyName(value);

        private static string Checked(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
            {
                throw new JsonException();
            }

            var text = reader.GetString()!;
            var forbidden = TextRules.IndexOfForbidden(text);
            return forbidden < 0 ? text : throw new ForbiddenTextException(TextRules.Describe(text, forbidden));
        }
    }

    /// <summary>Writes decimals without storage-dependent trailing zeros: 200, 12.5 — the same on every database.</summary>
    private sealed class PlainDecimalConverter : JsonConverter<decimal>
    {
        public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

        public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.ToString("0.############################", CultureInfo.InvariantCulture), skipInputValidation: true);
    }
}
