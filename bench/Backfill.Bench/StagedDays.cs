using Backfill.Core.Building;
using Backfill.Core.Events;
using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Storage.Parquet;

namespace Backfill.Bench;

/// <summary>Generates days of events, stages them as the pipeline does, and writes the staging files to disk.</summary>
internal static class StagedDays
{
    public static async Task<IReadOnlyList<StagedDay>> CreateAsync(
        BenchSettings settings, Day first, int days, string folder, CancellationToken cancellationToken)
    {
        var generator = new EventGenerator(new EventGeneratorOptions { EventsPerDay = settings.EventsPerDay, EntityCount = settings.Entities });
        var staged = new List<StagedDay>();
        for (var day = first; day <= first.AddDays(days - 1); day = day.AddDays(1))
        {
            var raw = generator.Generate(day.Date)
                .Select(line => (line.ArrivalTime, EventLine.Parse(line.Text).Event))
                .Where(pair => pair.Event is not null)
                .Select(pair => new ArrivedEvent(pair.Event!, pair.ArrivalTime));
            var build = StagingBuilder.Build(day, raw);
            var eventsPath = Path.Combine(folder, $"events-{day}.parquet");
            var rollupPath = Path.Combine(folder, $"rollup-{day}.parquet");
            await File.WriteAllBytesAsync(eventsPath, (await EventParquet.WriteAsync(build.Events, cancellationToken)).ToArray(), cancellationToken);
            await File.WriteAllBytesAsync(rollupPath, (await RollupParquet.WriteAsync(build.Rollups, cancellationToken)).ToArray(), cancellationToken);
            staged.Add(new StagedDay(day, eventsPath, rollupPath, build.Events.Count, build.Rollups.Count));
            Console.WriteLine($"  staged {day}: {build.Events.Count:N0} events, {build.Rollups.Count:N0} rollup rows, "
                + $"{new FileInfo(eventsPath).Length / 1048576.0:F1} MiB events, {new FileInfo(rollupPath).Length / 1048576.0:F1} MiB rollup");
        }

        return staged;
    }
}
