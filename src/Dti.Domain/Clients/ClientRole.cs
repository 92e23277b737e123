namespace Dti.Domain.Clients;

/// <summary>What a client system may do; the API's authorisation policies are defined over these roles.</summary>
public enum ClientRole
{
    /// <summary>The coordinating department (Sở KH&amp;CN): manages everything, including clients and the audit trail.</summary>
    Coordinator,

    /// <summary>An agency that reports: reads reference data and plans, writes only its own agency's data.</summary>
    AgencyReporter,

    /// <summary>The ministry: reads consolidated assessments and results only.</summary>
    Ministry,

    /// <summary>Read-only access.</summary>
    Reader,
}
