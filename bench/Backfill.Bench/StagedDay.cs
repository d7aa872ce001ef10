using Backfill.Core.Partitions;

namespace Backfill.Bench;

/// <summary>One generated, staged day on local disk: its events and rollup files as staging commits them.</summary>
internal sealed record StagedDay(Day Day, string EventsPath, string RollupPath, long EventRows, long RollupRows);
