using System.Globalization;
using Dti.Application.Common.Behaviours;
using Dti.Application.Common.Csv;
using Dti.Application.Common.Interfaces;
using Dti.Application.Common.Models;
using Dti.Domain.Frameworks;
using FluentValidation;
using Mapster;
using MediatR;
using ValidationException = Dti.Application.Common.Exceptions.ValidationException;

namespace Dti.Application.Frameworks.Commands.ImportComponentIndices;

/// <summary>
/// Adds component indices to a draft framework from CSV (header row required, UTF-8). Columns:
/// code, mainIndexCode, order, nameVi, nameEn, maxPoints, measureType, unit, evidenceRequired, dataSource, isSample.
/// Rows whose code already exists replace that component.
/// </summary>
public sealed record ImportComponentIndicesCommand(string Code, string Csv, int? ExpectedVersion) : IRequest<Versioned<FrameworkDto>>;

public sealed class ImportComponentIndicesValidator : AbstractValidator<ImportComponentIndicesCommand>
{
    public ImportComponentIndicesValidator() => RuleFor(c => c.Code).FrameworkCode();
}

public sealed class ImportComponentIndicesHandler(IApplicationDbContext db, TimeProvider clock, TypeAdapterConfig config)
    : IRequestHandler<ImportComponentIndicesCommand, Versioned<FrameworkDto>>
{
    public static readonly string[] Columns =
        ["code", "mainIndexCode", "order", "nameVi", "nameEn", "maxPoints", "measureType", "unit", "evidenceRequired", "dataSource", "isSample"];

    public async Task<Versioned<FrameworkDto>> Handle(ImportComponentIndicesCommand request, CancellationToken cancellationToken)
    {
        var rows = Parse(request.Csv);
        var framework = await db.GetForUpdateAsync(request.Code, request.ExpectedVersion, cancellationToken);
        var mainCodes = framework.MainIndices.Select(m => m.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unknown = rows
            .Select((row, i) => (row, i))
            .Where(x => !mainCodes.Contains(x.row.MainIndexCode))
            .ToDictionary(x => $"rows[{x.i}].mainIndexCode", x => new[] { $"Main index '{x.row.MainIndexCode}' is not defined in framework '{framework.Code}'." }, StringComparer.Ordinal);
        if (unknown.Count > 0)
        {
            throw new Domain.Common.DomainException("framework.unknown-main-index", "Some rows name a main index the framework does not have.", unknown);
        }

        framework.ImportComponentIndices([.. rows.Select(r => r.ToSpec())], clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return framework.Adapt<Versioned<FrameworkDto>>(config);
    }

    private static List<ComponentIndexInput> Parse(string csv)
    {
        CsvTable table;
        try
        {
            table = CsvTable.Parse(csv);
        }
        catch (FormatException ex)
        {
            throw new ValidationException("csv", ex.Message);
        }

        if (table.Header.Count == 0)
        {
            throw new ValidationException("csv", "The CSV is empty; a header row is required.");
        }

        var missing = new[] { "code", "mainIndexCode", "nameVi", "measureType" }
            .Where(c => !table.Header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        var extra = table.Header.Where(h => !Columns.Contains(h, StringComparer.OrdinalIgnoreCase)).ToList();
        var headerProblems = new List<string>();
        if (missing.Count > 0)
        {
            headerProblems.Add($"Missing required column(s): {string.Join(", ", missing)}.");
        }

        if (extra.Count > 0)
        {
            headerProblems.Add($"Unknown column(s): {string.Join(", ", extra)}. Allowed: {string.Join(", ", Columns)}.");
        }

        if (headerProblems.Count > 0)
        {
            throw new ValidationException(new Dictionary<string, string[]> { ["csv.header"] = [.. headerProblems] });
        }

        if (table.Rows.Count > FrameworkLimits.MaxComponentIndices)
        {
            throw new ValidationException("csv", $"At most {FrameworkLimits.MaxComponentIndices} rows per import; this file has {table.Rows.Count}.");
        }

        var rows = new List<ComponentIndexInput>();
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var validator = new ComponentIndexInputValidator();
        foreach (var cells in table.Rows)
        {
            var index = rows.Count;
            T? Typed<T>(string name, Func<string, T?> convert)
            {
                var raw = table.Cell(cells, name);
                if (raw is null)
                {
                    return default;
                }

                var value = convert(raw);
                if (value is null)
                {
                    problems[$"rows[{index}].{name}"] = [$"'{raw}' is not a valid {name}."];
                }

                return value;
            }

            var row = new ComponentIndexInput(
                table.Cell(cells, "code") ?? string.Empty,
                table.Cell(cells, "mainIndexCode") ?? string.Empty,
                Typed("order", s => int.TryParse(s, CultureInfo.InvariantCulture, out var v) ? (int?)v : null) ?? index + 1,
                table.Cell(cells, "nameVi") ?? string.Empty,
                table.Cell(cells, "nameEn"),
                Typed("maxPoints", s => decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? (decimal?)v : null),
                Typed("measureType", s => Enum.TryParse<MeasureType>(s, true, out var v) && Enum.IsDefined(v) ? (MeasureType?)v : null) ?? default,
                table.Cell(cells, "unit"),
                Typed("evidenceRequired", s => bool.TryParse(s, out var v) ? (bool?)v : null) ?? false,
                table.Cell(cells, "dataSource"),
                Typed("isSample", s => bool.TryParse(s, out var v) ? (bool?)v : null) ?? false);
            foreach (var failure in validator.Validate(row).Errors)
            {
                problems.TryAdd($"rows[{index}].{JsonPath.ToCamelCase(failure.PropertyName)}", [failure.ErrorMessage]);
            }

            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            problems["csv"] = ["The CSV has a header but no rows."];
        }

        return problems.Count > 0 ? throw new ValidationException(problems) : rows;
    }
}
