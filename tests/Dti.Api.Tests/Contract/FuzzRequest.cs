using System.Text;

namespace Dti.Api.Tests.Contract;

/// <summary>Who a generated request calls as.</summary>
public enum FuzzCaller
{
    Coordinator,
    Anonymous,
    UnknownKey,
}

/// <summary>One generated request, kept whole so that a failure prints everything needed to send it again.</summary>
public sealed record FuzzRequest(
    int Seed, int Index, ContractOperation Operation, FuzzCaller Caller, string Uri, IReadOnlyList<(string Name, string Value)> Headers, byte[]? Body, string? ContentType)
{
    private const string UnknownKey = "dti_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    public HttpRequestMessage ToMessage(string coordinatorKey)
    {
        var request = new HttpRequestMessage(new HttpMethod(Operation.Method), Uri);
        if (Caller != FuzzCaller.Anonymous)
        {
            request.Headers.TryAddWithoutValidation("X-Api-Key", Caller == FuzzCaller.Coordinator ? coordinatorKey : UnknownKey);
        }

        foreach (var (name, value) in Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
            if (ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
            }
        }

        return request;
    }

    /// <summary>The request as text: method, URL, headers and body (long bodies shortened, with their length).</summary>
    public string Describe()
    {
        var text = new StringBuilder($"    request #{Index} of seed {Seed} ({Operation.OperationId}), as {Caller}:\n    {Operation.Method} {Uri}");
        foreach (var (name, value) in Headers)
        {
            text.Append($"\n    {name}: {value}");
        }

        if (ContentType is not null)
        {
            text.Append($"\n    Content-Type: {ContentType}");
        }

        if (Body is not null)
        {
            var body = Encoding.UTF8.GetString(Body);
            text.Append($"\n    body ({Body.Length} bytes): {Escape(ContractCall.Shorten(body))}");
        }

        return text.ToString();
    }

    /// <summary>Control characters made visible, so the printed body can be typed back.</summary>
    private static string Escape(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));
}
