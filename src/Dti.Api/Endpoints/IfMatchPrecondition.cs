using Dti.Application.Common.Exceptions;
using Microsoft.Net.Http.Headers;

namespace Dti.Api.Endpoints;

/// <summary>
/// Marks an operation that changes an existing versioned resource (an update, a transition, a delete): the request
/// must say which version it read with If-Match. Set with <see cref="ETags.RequireIfMatch"/>.
/// </summary>
/// <param name="OrCreate">A PUT that also creates: <c>If-None-Match: *</c> ("only if it does not exist yet") stands in for If-Match.</param>
/// <param name="Optional">A POST that appends (a new entry, not an edit of what was read): If-Match is honoured when sent, not required.</param>
internal sealed record IfMatchRequirement(bool OrCreate, bool Optional = false);

/// <summary>
/// The one place If-Match is required: before binding or any handler runs, an operation carrying
/// <see cref="IfMatchRequirement"/> without an If-Match header (or with <c>*</c>) is refused with 428. Whether the
/// version is current is the handler's check against the stored version (412).
/// </summary>
internal sealed class IfMatchPrecondition(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var requirement = context.GetEndpoint()?.Metadata.GetMetadata<IfMatchRequirement>();
        if (requirement is null || requirement.Optional || context.Request.NamesAVersion())
        {
            return next(context);
        }

        if (requirement.OrCreate && context.Request.Headers.IfMatch.Count == 0 && context.Request.Headers.IfNoneMatch.ToString().Trim() == "*")
        {
            return next(context);
        }

        var create = requirement.OrCreate ? " To create it where none exists yet, send 'If-None-Match: *' instead." : string.Empty;
        throw new PreconditionRequiredException(
            HeaderNames.IfMatch,
            $"{context.Request.Method} {context.Request.Path} changes an existing resource, so it needs the version you last read: GET the resource, "
            + $"take its ETag response header (such as \"3\") and send it back as 'If-Match: \"3\"'. 'If-Match: *' is refused too: blind writes are not accepted.{create}");
    }
}
