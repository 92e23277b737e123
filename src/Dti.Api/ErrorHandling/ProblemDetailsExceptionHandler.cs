using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Dti.Api.Idempotency;
using Dti.Application.Common.Exceptions;
using Dti.Domain.Common;
using Dti.Infrastructure.Persistence;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Dti.Api.ErrorHandling;

/// <summary>
/// The one place failures become RFC 9457 problem details. Known failures get their 4xx with the field and
/// rule named; anything else is a 500 that carries only a trace id.
/// </summary>
internal sealed partial class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails, ILogger<ProblemDetailsExceptionHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Map(exception);
        if (problem.Status >= 500)
        {
            Unhandled(logger, exception, Activity.Current?.Id ?? httpContext.TraceIdentifier);
        }

        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = BusyRetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    /// <summary>What a 503 for a busy database asks the client to wait before retrying.</summary>
    public const int BusyRetryAfterSeconds = 5;

    private static ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationException v => Validation(v.Errors),
        BadHttpRequestException { InnerException: JsonException json } => Json(json),
        BadHttpRequestException bind when BindingFailure().Match(bind.Message) is { Success: true } m => Parameter(m.Groups["name"].Value, $"'{m.Groups["value"].Value}' is not a valid value for '{m.Groups["name"].Value}'."),
        BadHttpRequestException missing when MissingParameter().Match(missing.Message) is { Success: true } m => Parameter(m.Groups["name"].Value, $"'{m.Groups["name"].Value}' is required."),
        BadHttpRequestException bad => Problem(bad.StatusCode, bad.StatusCode switch
        {
            StatusCodes.Status413PayloadTooLarge => "Request body too large",
            StatusCodes.Status415UnsupportedMediaType => "Unsupported media type",
            _ => "Bad request",
        }, bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
            ? "This operation accepts 'application/json' bodies (CSV imports 'text/csv', evidence uploads 'multipart/form-data'; see the API description)."
            : bad.Message),
        NotFoundException n => Problem(StatusCodes.Status404NotFound, "Not found", n.Message, n.Rule),
        PreconditionFailedException p => Problem(StatusCodes.Status412PreconditionFailed, "Precondition failed", p.Message, "version.stale"),
        PreconditionRequiredException r => WithErrors(Problem(StatusCodes.Status428PreconditionRequired, "Precondition required", r.Message, "version.required"), r.Header, r.Message),
        DbUpdateConcurrencyException => Problem(
            StatusCodes.Status412PreconditionFailed,
            "Precondition failed",
            "The resource was changed by another request at the same time; read it again and retry.",
            "version.stale"),
        DomainException d => Domain(d),
        IdempotencyKeyException k => WithErrors(
            Problem(k.Status, k.Status == StatusCodes.Status409Conflict ? "Conflict" : "Idempotency-Key reused", k.Message, k.Rule), IdempotencyKeys.Header, k.Message),
        DbUpdateException duplicate when StorageFailures.IsUniqueViolation(duplicate) =>
            Problem(StatusCodes.Status409Conflict, "Conflict", "The change duplicates data already stored (a code or key that must be unique).", "storage.conflict"),
        _ when StorageFailures.IsBusy(exception) => Problem(
            StatusCodes.Status503ServiceUnavailable,
            "Service unavailable",
            $"The database did not serve the request in time (every connection busy, or a lock held too long); nothing was changed. Retry after the {BusyRetryAfterSeconds} seconds the Retry-After header gives.",
            "storage.busy"),
        _ => Problem(StatusCodes.Status500InternalServerError, "Internal server error", "An unexpected error occurred. Quote the traceId when you report it."),
    };

    private static ValidationProblemDetails Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        };

    /// <summary>Malformed JSON, a wrong type, or an unknown property: name the JSON path and what was wrong.</summary>
    private static ValidationProblemDetails Json(JsonException json)
    {
        var path = json.Path is null or "$" ? "$" : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
        var unknown = UnmappedProperty().Match(json.Message);
        string message;
        if (unknown.Success)
        {
            message = $"Unknown property '{unknown.Groups[1].Value}'. Check the spelling against the API description; unknown properties are rejected, not ignored.";
        }
        else if (json is JsonConventions.ForbiddenTextException)
        {
            message = json.Message;
        }
        else if (json.LineNumber is null)
        {
            message = "The value has the wrong type or format for this field.";
        }
        else
        {
            message = $"The value could not be read (line {json.LineNumber + 1}, position {json.BytePositionInLine + 1}): malformed JSON or a value of the wrong type or format.";
        }

        var problem = Validation(new Dictionary<string, string[]> { [path] = [message] });
        problem.Detail = unknown.Success ? "The body contains a property this operation does not accept."
            : json is JsonConventions.ForbiddenTextException ? "The body contains text with a character that is not allowed."
            : "The body is not valid JSON for this operation.";
        return problem;
    }

    private static ValidationProblemDetails Parameter(string name, string message)
    {
        var problem = Validation(new Dictionary<string, string[]> { [name] = [message] });
        problem.Detail = "A route or query parameter could not be read.";
        return problem;
    }

    private static ProblemDetails Domain(DomainException d)
    {
        var status = d.Kind == DomainFailureKind.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity;
        var problem = Problem(status, status == StatusCodes.Status409Conflict ? "Conflict" : "Business rule violated", d.Message, d.Rule);
        if (d.Errors.Count > 0)
        {
            problem.Extensions["errors"] = d.Errors;
        }

        return problem;
    }

    private static ProblemDetails WithErrors(ProblemDetails problem, string field, string message)
    {
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail, string? rule = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (rule is not null)
        {
            problem.Extensions["rule"] = rule;
        }

        return problem;
    }

    [GeneratedRegex("^Failed to bind parameter \"(?:[^\"]* )?(?<name>[A-Za-z0-9_]+)\" from \"(?<value>.*)\"\\.$")]
    private static partial Regex BindingFailure();

    [GeneratedRegex("^Required parameter \"(?:[^\"]* )?(?<name>[A-Za-z0-9_]+)\" was not provided")]
    private static partial Regex MissingParameter();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception (trace {TraceId})")]
    private static partial void Unhandled(ILogger logger, Exception exception, string traceId);
}
