namespace Backfill.Workflows.Api;

/// <summary>An upstream partition a commit read, as the history route shows it.</summary>
/// <param name="Dataset">The upstream dataset.</param>
/// <param name="Date">The upstream partition's day.</param>
/// <param name="CommitId">The upstream commit read, live when it was read.</param>
/// <param name="History">The upstream partition's own history route.</param>
public sealed record CommitInputView(string Dataset, string Date, string CommitId, string History);
