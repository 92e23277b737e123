using System.Text.RegularExpressions;
using Dti.Domain.Common;

namespace Dti.Domain.Results;

/// <summary>
/// A province as an administrative unit with a validity period. Provinces merge: from 1/7/2025 Quảng Bình and Quảng Trị
/// form the new Quảng Trị, so the old units end on 30/6/2025 and name the new one as their successor. A result belongs to
/// the unit ranked that year; the new unit's history is its predecessors' results.
/// </summary>
public sealed partial class ProvinceUnit
{
    private ProvinceUnit()
    {
    }

    /// <summary>Stable key, e.g. <c>QUANG-BINH</c>, <c>QUANG-TRI-2025</c>.</summary>
    public string Code { get; private set; } = null!;

    public string Name { get; private set; } = null!;

    /// <summary>First day as a unit; null where the records start before it.</summary>
    public DateOnly? ValidFrom { get; private set; }

    /// <summary>Last day as a unit; null while it exists.</summary>
    public DateOnly? ValidTo { get; private set; }

    /// <summary>The unit it merged into when it ended.</summary>
    public string? SuccessorCode { get; private set; }

    public static ProvinceUnit Create(string code, string name, DateOnly? validFrom, DateOnly? validTo, string? successorCode)
    {
        var unitCode = Guard.Text(code, "code", ResultLimits.UnitCodeMaxLength);
        if (!CodeRegex().IsMatch(unitCode) || unitCode == ResultLimits.AverageSubject)
        {
            throw new DomainException("province.code-format", $"'code' may contain only upper-case letters, digits and hyphens, and may not be {ResultLimits.AverageSubject}.", "code");
        }

        if (validFrom is not null && validTo is not null && validTo < validFrom)
        {
            throw new DomainException("province.validity", "'validTo' must not be before 'validFrom'.", "validTo");
        }

        if (successorCode is not null && validTo is null)
        {
            throw new DomainException("province.successor", "Only a unit that ended ('validTo') has a successor.", "successorCode");
        }

        return new ProvinceUnit
        {
            Code = unitCode,
            Name = Guard.Text(name, "name", ResultLimits.UnitNameMaxLength),
            ValidFrom = validFrom,
            ValidTo = validTo,
            SuccessorCode = Guard.OptionalText(successorCode, "successorCode", ResultLimits.UnitCodeMaxLength),
        };
    }

    [GeneratedRegex(ResultLimits.UnitCodePattern)]
    private static partial Regex CodeRegex();
}
