namespace Dti.Domain.Agencies;

/// <summary>What kind of body an agency is.</summary>
public enum AgencyKind
{
    ProvincialPeoplesCommittee,
    Department,
    SectorAgency,
    Press,
    DistrictPeoplesCommittee,
    CommunePeoplesCommittee,
    Enterprise,
    Other,
}

/// <summary>Why an agency handed its work to a successor.</summary>
public enum SuccessionReason
{
    Merger,
    Rename,
}
