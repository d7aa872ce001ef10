namespace Backfill.Cli.Tests;

/// <summary>One request an <see cref="ApiStandIn"/> received.</summary>
internal sealed record ApiStandInRequest(string Method, string PathAndQuery, string Body);
