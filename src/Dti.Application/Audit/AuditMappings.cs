using System.Text.Json;
using Dti.Domain.Auditing;
using Mapster;

namespace Dti.Application.Audit;

/// <summary>
/// How audit entries become DTOs: name to name, but for the changes, stored as JSON text and shown as JSON. In a
/// projection the text is the column read and parsed as each row arrives.
/// </summary>
public sealed class AuditMappings : IRegister
{
    public void Register(TypeAdapterConfig config) =>
        config.NewConfig<AuditEntry, AuditEntryDto>()
            .Map(d => d.Changes, s => JsonSerializer.Deserialize<JsonElement>(s.Changes, (JsonSerializerOptions?)null));
}
