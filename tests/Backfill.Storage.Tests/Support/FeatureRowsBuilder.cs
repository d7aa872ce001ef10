using Backfill.Core.Features;
using Backfill.Core.Merging;
using Backfill.Storage.Commits;
using Backfill.Storage.Parquet;
using Backfill.Storage.Reading;

namespace Backfill.Storage.Tests.Support;

/// <summary>
/// Commits given feature rows (merging them into the live rows in merge mode), and can run a hook during the
/// build to stage a race at an exact point.
/// </summary>
internal sealed class FeatureRowsBuilder(PartitionReader reader, IReadOnlyList<FeatureRow> rows, Func<Task>? duringFirstBuild = null)
    : IPartitionContentBuilder
{
    private static readonly FeatureParquet Parquet = new(Features);
    private Func<Task>? _hook = duringFirstBuild;

    public static FeatureVersion Features => FeatureVersions.V1;

    public int Builds { get; private set; }

    public static FeatureRow Row(string entity, DateOnly date, double marker) =>
        new(entity, date, [.. Enumerable.Repeat(marker, Features.Features.Count)]);

    public async Task<PartitionContent> BuildAsync(CommitRecord? live, WriteMode mode, CancellationToken cancellationToken)
    {
        Builds++;
        if (_hook is { } race)
        {
            _hook = null;
            await race();
        }

        IReadOnlyList<FeatureRow> content = [.. rows.Order(FeatureRow.StorageOrder)];
        if (mode == WriteMode.Merge && live is not null)
        {
            var existing = await reader.ReadFeaturesAsync(live, Features, cancellationToken);
            content = RowMerge.Merge(existing, content, row => row.Key, FeatureRow.StorageOrder).Rows;
        }

        var file = await Parquet.WriteAsync(content, cancellationToken);
        return new PartitionContent([new ContentFile(FeatureParquet.FileName, file, content.Count, Parquet.Columns)], [], []);
    }
}
