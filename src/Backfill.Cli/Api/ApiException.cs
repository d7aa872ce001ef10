namespace Backfill.Cli.Api;

/// <summary>The API answered with a problem; the message is the problem's own text, ready to show.</summary>
internal sealed class ApiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;
}
