namespace Backfill.LocalHost.Tests.Hosting;

/// <summary>
/// Tests that assert exact metric counts. Backfill's meter is one static instance that every host in this process
/// records to, so these run alone: a parallel test's work items would add to the counts.
/// </summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class ExactMetricsGroup;
