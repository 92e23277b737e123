using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Dti.DesignTime;

/// <summary>
/// Makes <c>dotnet ef migrations add</c> write provider-neutral code (ADR 0002): operations and models carry CLR types,
/// lengths, precision and nullability, never the store type of the provider the tool happened to run with. Each
/// provider maps them when it migrates, and EF diffs the neutral snapshot against each provider's model.
/// </summary>
public sealed partial class NeutralMigrationsDesignTimeServices : IDesignTimeServices
{
    public void ConfigureDesignTimeServices(IServiceCollection serviceCollection)
    {
        serviceCollection.AddSingleton<ICSharpMigrationOperationGenerator, NeutralOperationGenerator>();
        serviceCollection.AddSingleton<IMigrationsCodeGenerator, NeutralMigrationsGenerator>();
    }

    /// <summary>Drops the store type from every column operation before EF writes it.</summary>
    private sealed class NeutralOperationGenerator(CSharpMigrationOperationGeneratorDependencies dependencies)
        : CSharpMigrationOperationGenerator(dependencies)
    {
        public override void Generate(string builderName, IReadOnlyList<MigrationOperation> operations, IndentedStringBuilder builder)
        {
            var columns = operations.SelectMany(o => o switch
            {
                CreateTableOperation table => table.Columns,
                AlterColumnOperation alter => [alter, alter.OldColumn],
                ColumnOperation column => [column],
                _ => Enumerable.Empty<ColumnOperation>(),
            });
            foreach (var column in columns)
            {
                column.ColumnType = null;
            }

            base.Generate(builderName, operations, builder);
        }
    }

    /// <summary>
    /// Drops <c>.HasColumnType(…)</c> from the snapshot and from each migration's target model. EF's snapshot writer
    /// always states the design-time provider's store type and has no switch for it, so the line is removed from the
    /// text it writes.
    /// </summary>
    private sealed partial class NeutralMigrationsGenerator(MigrationsCodeGeneratorDependencies dependencies, CSharpMigrationsGeneratorDependencies csharpDependencies)
        : CSharpMigrationsGenerator(dependencies, csharpDependencies)
    {
        public override string GenerateSnapshot(string? modelSnapshotNamespace, Type contextType, string modelSnapshotName, IModel model) =>
            ColumnType().Replace(base.GenerateSnapshot(modelSnapshotNamespace, contextType, modelSnapshotName, model), string.Empty);

        public override string GenerateMetadata(string? migrationNamespace, Type contextType, string migrationName, string migrationId, IModel targetModel) =>
            ColumnType().Replace(base.GenerateMetadata(migrationNamespace, contextType, migrationName, migrationId, targetModel), string.Empty);

        [GeneratedRegex("""\r?\n[ \t]*\.HasColumnType\("[^"]*"\)""")]
        private static partial Regex ColumnType();
    }
}
