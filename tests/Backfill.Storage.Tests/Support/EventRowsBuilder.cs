using Backfill.Core.Events;
using Backfill.Core.Lineage;
using Backfill.Storage.Commits;
using Backfill.Storage.Parquet;

namespace Backfill.Storage.Tests.Support;

/// <summary>Commits given event rows as a <c>raw</c> or <c>staging</c> partition: how a test stages a broken build.</summary>
internal sealed class EventRowsBuilder(IReadOnlyList<ArrivedEvent> rows, IReadOnlyList<InputCommit> inputs, long? landedLines = null)
    : IPartitionContentBuilder
{
    public async Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken)
    {
        IReadOnlyList<ArrivedEvent> sorted = [.. rows.Order(ArrivedEvent.StorageOrder)];
        var file = await EventParquet.WriteAsync(sorted, cancellationToken);
        return new PartitionContent([new ContentFile(EventParquet.FileName, file, sorted.Count, EventParquet.Columns)], inputs, [], landedLines);
    }
}
