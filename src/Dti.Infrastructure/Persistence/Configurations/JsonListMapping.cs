using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Dti.Infrastructure.Persistence.Configurations;

/// <summary>
/// A list of values stored as one JSON array in a text column of its owner's row (ADR 0018): the same text column on every
/// provider (no <c>jsonb</c>, no JSON mapping of the provider's own), written and read whole with the owner. For lists that
/// are never queried apart from their owner; a list anything filters or joins on is a child table (docs/architecture.md).
/// </summary>
internal static class JsonListMapping
{
    /// <summary>
    /// camelCase names, enums by name, dates as <c>yyyy-MM-dd</c>, as report versions freeze content; Vietnamese text as
    /// UTF-8, not <c>\uXXXX</c> escapes, so a database reader sees the titles as written (the column is never embedded in
    /// HTML, which is what the default encoder guards against).
    /// </summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Stores the list as a JSON array (never null: an empty list is <c>[]</c>); lists compare item by item.</summary>
    public static PropertyBuilder<IReadOnlyList<T>> HasJsonList<T>(this PropertyBuilder<IReadOnlyList<T>> property)
    {
        ArgumentNullException.ThrowIfNull(property);
        return property
            .HasConversion(
                new ValueConverter<IReadOnlyList<T>, string>(list => Write(list), json => Read<T>(json)),
                new ValueComparer<IReadOnlyList<T>>((a, b) => Same(a, b), list => Hash(list), list => list.ToList()))
            .IsRequired();
    }

    private static string Write<T>(IReadOnlyList<T> list) => JsonSerializer.Serialize(list, Json);

    private static List<T> Read<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Json) ?? [];

    private static bool Same<T>(IReadOnlyList<T>? a, IReadOnlyList<T>? b) => ReferenceEquals(a, b) || (a is not null && b is not null && a.SequenceEqual(b));

    private static int Hash<T>(IReadOnlyList<T> list) => list.Aggregate(list.Count, (hash, item) => HashCode.Combine(hash, item));
}
