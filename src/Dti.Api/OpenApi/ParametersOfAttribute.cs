namespace Dti.Api.OpenApi;

/// <summary>
/// On an endpoint method: its route and query parameters become the same-named properties of
/// <typeparamref name="TRequest"/>, so <typeparamref name="TRequest"/>'s validator states their limits in the API description.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
internal sealed class ParametersOfAttribute<TRequest> : Attribute, IParametersOf
{
    public Type RequestType => typeof(TRequest);
}

internal interface IParametersOf
{
    Type RequestType { get; }
}
