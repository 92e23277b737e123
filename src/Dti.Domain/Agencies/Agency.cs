using System.Text.RegularExpressions;
using Dti.Domain.Common;

namespace Dti.Domain.Agencies;

/// <summary>
/// A provincial body that can lead or cooperate on DTI work (Sở, sector agency, People's Committee, newspaper…).
/// Reorganisations close an agency and name its successor, so its history stays readable.
/// </summary>
public sealed partial class Agency
{
    private Agency()
    {
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = null!;

    public string FullName { get; private set; } = null!;

    public string ShortName { get; private set; } = null!;

    /// <summary>Full and short name folded for search (lower case, no diacritics, đ → d).</summary>
    public string SearchName { get; private set; } = null!;

    public AgencyKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>Last day the agency exists; null while it does.</summary>
    public DateOnly? ValidTo { get; private set; }

    public Guid? SuccessorId { get; private set; }

    public SuccessionReason? SuccessionReason { get; private set; }

    public string? SuccessionNote { get; private set; }

    /// <summary>True for illustrative data (e.g. an identifier code that is not the official one).</summary>
    public bool IsSample { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int Version { get; private set; }

    public static Agency Create(AgencySpec spec, DateTimeOffset now)
    {
        var agency = new Agency { Id = Identifiers.NewVersion7(), CreatedAt = now };
        agency.Apply(spec, now);
        return agency;
    }

    public void Redefine(AgencySpec spec, DateTimeOffset now) => Apply(spec, now);

    public bool IsActiveOn(DateOnly date) => ValidFrom <= date && (ValidTo is null || date <= ValidTo);

    public void EnsureActiveOn(DateOnly date, string field)
    {
        if (!IsActiveOn(date))
        {
            throw new DomainException(
                "agency.inactive",
                $"Agency '{ShortName}' ({Code}) is not active on {date:yyyy-MM-dd} (valid {ValidFrom:yyyy-MM-dd} – {ValidTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "…"}).",
                field);
        }
    }

    /// <summary>Closes this agency the day before <paramref name="effectiveDate"/> and names who carries on its work.</summary>
    public void HandOverTo(Agency successor, DateOnly effectiveDate, SuccessionReason reason, string? note, DateTimeOffset now)
    {
        if (successor.Id == Id)
        {
            throw new DomainException("agency.self-succession", "An agency cannot succeed itself.", "successorId");
        }

        if (SuccessorId is not null)
        {
            throw DomainException.Conflict("agency.already-succeeded", $"Agency '{ShortName}' already has a successor.");
        }

        if (effectiveDate <= ValidFrom || (ValidTo is not null && effectiveDate > ValidTo.Value.AddDays(1)))
        {
            throw new DomainException("agency.succession-date", $"The effective date must fall after {ValidFrom:yyyy-MM-dd} and while '{ShortName}' is active.", "effectiveDate");
        }

        successor.EnsureActiveOn(effectiveDate, "successorId");
        ValidTo = effectiveDate.AddDays(-1);
        SuccessorId = successor.Id;
        SuccessionReason = reason;
        SuccessionNote = Guard.OptionalText(note, "note", AgencyLimits.NoteMaxLength);
        Touch(now);
    }

    private void Apply(AgencySpec spec, DateTimeOffset now)
    {
        var code = Guard.Text(spec.Code, "code", AgencyLimits.CodeMaxLength);
        if (!CodeRegex().IsMatch(code))
        {
            throw new DomainException("agency.code-format", "'code' must be an electronic identifier like 000.00.31.H50 (QĐ 20/2020/QĐ-TTg): 3 digits, 2 digits, 2 digits, an upper-case letter and 2 digits, separated by dots.", "code");
        }

        if (spec.ValidTo is { } validTo && validTo < spec.ValidFrom)
        {
            throw new DomainException("agency.validity", "'validTo' must not be before 'validFrom'.", "validTo");
        }

        if (spec.ParentId is { } parent && parent == Id)
        {
            throw new DomainException("agency.self-parent", "An agency cannot be its own parent.", "parentId");
        }

        Code = code;
        FullName = Guard.Text(spec.FullName, "fullName", AgencyLimits.FullNameMaxLength);
        ShortName = Guard.Text(spec.ShortName, "shortName", AgencyLimits.ShortNameMaxLength);
        SearchName = SearchText.Fold($"{FullName} {ShortName}");
        Kind = spec.Kind;
        ParentId = spec.ParentId;
        ValidFrom = spec.ValidFrom;
        ValidTo = spec.ValidTo;
        IsSample = spec.IsSample;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    [GeneratedRegex(AgencyLimits.CodePattern)]
    private static partial Regex CodeRegex();
}
