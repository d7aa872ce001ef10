using Microsoft.AspNetCore.Http;

namespace Backfill.Workflows.Api;

/// <summary>RFC 9457 problem details for bad requests: every error names the field it is about.</summary>
public static class Problems
{
    /// <summary>400 with one message per offending field (field names as the API spells them).</summary>
    public static IResult Invalid(IDictionary<string, string[]> errors) =>
        Results.ValidationProblem(errors, title: "The request is invalid.", type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1");

    /// <summary>400 for a single offending field.</summary>
    public static IResult Invalid(string field, string message) => Invalid(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>409: the request conflicts with the resource's current state; extensions carry e.g. the conflicting id.</summary>
    public static IResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict.", type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10", extensions: extensions);

    /// <summary>422: the request is well formed but the data does not allow it; extensions say what is lacking.</summary>
    public static IResult Unprocessable(string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Unprocessable.", type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.21", extensions: extensions);

    /// <summary>403: this deployment does not allow the operation; the detail says why.</summary>
    public static IResult Forbidden(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden.", type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4");

    /// <summary>404 naming what was looked for.</summary>
    public static IResult NotFound(string detail) =>
        Results.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found.", type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5");

    /// <summary>How long a client should wait before retrying a 503 (the <c>Retry-After</c> header).</summary>
    public const int RetryAfterSeconds = 10;

    /// <summary>503 with <c>Retry-After</c>: a storage service did not answer; <c>service</c> names it.</summary>
    public static IResult StorageUnavailable(string service, string detail) =>
        new RetryAfterResult(
            Results.Problem(
                $"Storage ({service}) did not answer: {detail.TrimEnd('.')}. Retry in {RetryAfterSeconds} s.",
                statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "Storage unavailable.",
                type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
                extensions: new Dictionary<string, object?> { ["service"] = service }),
            RetryAfterSeconds);

    /// <summary>500 for a bug: no internals, only the trace id to find the logged exception by.</summary>
    public static IResult Unexpected(string traceId) =>
        Results.Problem(
            "An unexpected error occurred; the log has the details under this trace id.",
            statusCode: StatusCodes.Status500InternalServerError,
            title: "Internal error.",
            type: "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.1",
            extensions: new Dictionary<string, object?> { ["traceId"] = traceId });
}
