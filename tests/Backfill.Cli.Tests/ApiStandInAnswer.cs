namespace Backfill.Cli.Tests;

/// <summary>One scripted answer of an <see cref="ApiStandIn"/>: a status and its JSON (problem details from 400 on).</summary>
internal sealed record ApiStandInAnswer(int Status, string Body);
