namespace Dti.Api.Endpoints;

/// <summary>Documentation conventions shared by the endpoint classes.</summary>
internal static class EndpointConventions
{
    /// <summary>Documents each listed status as an RFC 9457 problem response.</summary>
    public static RouteHandlerBuilder ProducesProblems(this RouteHandlerBuilder builder, params int[] statuses)
    {
        foreach (var status in statuses)
        {
            builder.ProducesProblem(status);
        }

        return builder;
    }
}
