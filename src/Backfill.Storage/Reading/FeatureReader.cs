using System.Runtime.CompilerServices;
using Backfill.Core.Features;
using Backfill.Core.Lineage;
using Backfill.Core.Partitions;
using Backfill.Core.Pointers;
using Backfill.Core.Validation;
using Backfill.Storage.Parquet;
using Backfill.Storage.Pointers;

namespace Backfill.Storage.Reading;

/// <summary>
/// The downstream read path training jobs use: a feature version's rows for a date range, via manifests. A read
/// of the pointer (<c>features</c>) resolves it once, with one blob read of its mirror, and reads every day from
/// that one version, so a read running during a flip sees the old version or the new one, never a mix.
/// </summary>
public sealed class FeatureReader
{
    private readonly PartitionReader _partitions;
    private readonly PointerStore _pointers;

    /// <summary>Creates the reader.</summary>
    /// <param name="partitions">Reads partitions through their manifests.</param>
    /// <param name="pointers">Resolves pointers through their mirror blobs.</param>
    public FeatureReader(PartitionReader partitions, PointerStore pointers)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(pointers);
        _partitions = partitions;
        _pointers = pointers;
    }

    /// <summary>The columns a reader sees in a feature version's files, in order.</summary>
    /// <param name="features">The feature version.</param>
    /// <returns>entity_id, date, then one column per feature.</returns>
    public static IReadOnlyList<ColumnSchema> Columns(FeatureVersion features) => new FeatureParquet(features).Columns;

    /// <summary>
    /// Resolves a dataset name: the pointer <c>features</c> names the version in its mirror (the initial version
    /// before any flip); a feature version's own name resolves to itself.
    /// </summary>
    /// <param name="dataset">The pointer or a feature version's dataset name.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The feature version; null when the name is neither a pointer nor a feature version.</returns>
    public async Task<FeatureVersion?> ResolveAsync(string dataset, CancellationToken cancellationToken)
    {
        if (FeaturePointer.InitialVersionOf(dataset) is { } initial)
        {
            var mirror = await _pointers.GetAsync(dataset, cancellationToken).ConfigureAwait(false);
            return FeatureVersions.Get(mirror?.Current ?? initial);
        }

        return FeatureVersions.All.FirstOrDefault(version => version.Name == dataset);
    }

    /// <summary>Reads <paramref name="dataset"/> (a pointer or a feature version) from <paramref name="first"/> to <paramref name="last"/>.</summary>
    /// <param name="dataset">The pointer, e.g. <c>features</c>, or a feature version's dataset name.</param>
    /// <param name="first">The first day, inclusive.</param>
    /// <param name="last">The last day, inclusive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows of the one version the name resolved to.</returns>
    /// <exception cref="ArgumentException">The name is neither a pointer nor a feature version.</exception>
    public async Task<FeatureRead> ReadAsync(string dataset, Day first, Day last, CancellationToken cancellationToken)
    {
        var features = await ResolveAsync(dataset, cancellationToken).ConfigureAwait(false)
            ?? throw new ArgumentException($"'{dataset}' is neither a pointer nor a feature version.", nameof(dataset));
        return await ReadAsync(features, first, last, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the first rows of one day's live commit, bucket by bucket, and stops at the bucket that reaches
    /// <paramref name="limit"/>: a look at a day of any size holds at most one bucket more than it returns.
    /// </summary>
    /// <param name="features">The feature version.</param>
    /// <param name="day">The day.</param>
    /// <param name="limit">How many rows are wanted; the last bucket read may add more, which the caller drops.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The live commit and the rows read, in storage order; null when the day has no live commit.</returns>
    public async Task<FeatureHead?> ReadHeadAsync(FeatureVersion features, Day day, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (await _partitions.GetLiveCommitAsync(features.Name, day, cancellationToken).ConfigureAwait(false) is not { } commit)
        {
            return null;
        }

        var rows = new List<FeatureRow>();
        foreach (var scope in PartitionReader.ScopesOf(commit))
        {
            if (rows.Count >= limit)
            {
                break;
            }

            rows.AddRange(await _partitions.ReadFeaturesAsync(commit, features, scope, cancellationToken).ConfigureAwait(false));
        }

        return new FeatureHead(commit, rows);
    }

    /// <summary>
    /// Streams every published partition of <paramref name="features"/> from <paramref name="first"/> to
    /// <paramref name="last"/>, one bucket of one day at a time: a training job over a range of any size holds one
    /// bucket of rows, never the range or a whole day of a bucketed dataset.
    /// </summary>
    /// <param name="features">The feature version: for the pointer, the one <see cref="ResolveAsync"/> names, resolved once.</param>
    /// <param name="first">The first day, inclusive.</param>
    /// <param name="last">The last day, inclusive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>By day, then bucket: each bucket's rows with the commit they came from, and one empty part for a day with no partition.</returns>
    public async IAsyncEnumerable<FeaturePart> StreamAsync(
        FeatureVersion features, Day first, Day last, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var commit = await _partitions.GetLiveCommitAsync(features.Name, day, cancellationToken).ConfigureAwait(false);
            if (commit is null)
            {
                yield return new FeaturePart(day, null, []);
                continue;
            }

            var input = new InputCommit(features.Name, day, commit.CommitId);
            foreach (var scope in PartitionReader.ScopesOf(commit))
            {
                yield return new FeaturePart(day, input, await _partitions.ReadFeaturesAsync(commit, features, scope, cancellationToken).ConfigureAwait(false));
            }
        }
    }

    /// <summary>Reads every published partition of <paramref name="features"/> from <paramref name="first"/> to <paramref name="last"/> into memory.</summary>
    /// <param name="features">The feature version.</param>
    /// <param name="first">The first day, inclusive.</param>
    /// <param name="last">The last day, inclusive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The rows, the commits read and the days missing.</returns>
    /// <remarks>Holds the whole range: for a range larger than memory, <see cref="StreamAsync"/> or the live file list.</remarks>
    public async Task<FeatureRead> ReadAsync(FeatureVersion features, Day first, Day last, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        var rows = new List<FeatureRow>();
        var commits = new List<InputCommit>();
        var missing = new List<Day>();
        await foreach (var part in StreamAsync(features, first, last, cancellationToken).ConfigureAwait(false))
        {
            if (part.Commit is null)
            {
                missing.Add(part.Day);
                continue;
            }

            if (commits.Count == 0 || commits[^1] != part.Commit)
            {
                commits.Add(part.Commit);
            }

            rows.AddRange(part.Rows);
        }

        return new FeatureRead(features.Name, rows, commits, missing);
    }
}
