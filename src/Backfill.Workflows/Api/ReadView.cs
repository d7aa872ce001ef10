namespace Backfill.Workflows.Api;

/// <summary>Body of <c>GET /api/read/{dataset}/{date}</c>.</summary>
/// <param name="Dataset">The dataset asked for: a pointer or a feature version.</param>
/// <param name="ResolvedDataset">The feature version read (the pointer's version at the moment of the read).</param>
/// <param name="Date">The partition's day.</param>
/// <param name="CommitId">The live commit read.</param>
/// <param name="RowCount">Rows in the partition.</param>
/// <param name="Columns">Column names, in file order.</param>
/// <param name="Rows">The first <c>limit</c> rows, each keyed by column name.</param>
public sealed record ReadView(string Dataset, string ResolvedDataset, string Date, string CommitId, long RowCount, IReadOnlyList<string> Columns, IReadOnlyList<Dictionary<string, object>> Rows);
