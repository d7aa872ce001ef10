using Backfill.Core.Events;
using Parquet.Schema;

namespace Backfill.Storage.Parquet;

/// <summary>
/// The staging event id exchange's files: event copies reduced to their <see cref="CopyKey"/>, in the columns of
/// <see cref="EventParquet"/>, so a raw event file reads as copy keys too, reading only those four columns.
/// </summary>
internal static class CopyKeyParquet
{
    private static readonly ParquetSchema Schema = new(EventParquet.EventId, EventParquet.EntityId, EventParquet.EventTime, EventParquet.ArrivalTime);

    public static async Task<ReadOnlyMemory<byte>> WriteAsync(IReadOnlyList<CopyKey> copies, CancellationToken cancellationToken) =>
        await ParquetFiles.WriteAsync(Schema, copies.Count, async (group, start, count) =>
        {
            var slice = copies.Skip(start).Take(count).ToArray();
            await group.WriteAsync(EventParquet.EventId, slice.Select(copy => copy.EventId).ToArray()).ConfigureAwait(false);
            await group.WriteAsync(EventParquet.EntityId, slice.Select(copy => copy.EntityId).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<DateTime>(EventParquet.EventTime, slice.Select(copy => copy.EventTime).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync<DateTime>(EventParquet.ArrivalTime, slice.Select(copy => copy.ArrivalTime).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the copy keys of this format's files or of <see cref="EventParquet"/>'s.</summary>
    public static async Task<List<CopyKey>> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        var copies = new List<CopyKey>();
        await ParquetFiles.ReadAsync(input, async (group, count) =>
        {
            var (ids, entities) = (new string[count], new string[count]);
            var (times, arrivals) = (new DateTime[count], new DateTime[count]);
            await group.ReadAsync(EventParquet.EventId, ids, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync(EventParquet.EntityId, entities, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<DateTime>(EventParquet.EventTime, times, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<DateTime>(EventParquet.ArrivalTime, arrivals, cancellationToken: cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < count; i++)
            {
                copies.Add(new CopyKey(ids[i], entities[i], EventParquet.Utc(times[i]), EventParquet.Utc(arrivals[i])));
            }
        }, cancellationToken).ConfigureAwait(false);
        return copies;
    }
}
