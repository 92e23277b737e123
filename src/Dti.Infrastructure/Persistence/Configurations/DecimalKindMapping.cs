using Dti.Domain.Common;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Dti.Infrastructure.Persistence.Configurations;

internal static class DecimalKindMapping
{
    /// <summary>Stores a decimal with the precision and scale of its kind; the domain has already rounded it to that scale.</summary>
    public static PropertyBuilder<decimal?> HasPrecision(this PropertyBuilder<decimal?> property, DecimalKind kind) =>
        property.HasPrecision(kind.Precision, kind.Scale);
}
