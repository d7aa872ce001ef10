using Backfill.Workflows.Models;

namespace Backfill.Workflows.Api;

/// <summary>Body of <c>GET /api/pointers/{name}</c> (and of a flip's or rollback's 200).</summary>
/// <param name="Name">The pointer.</param>
/// <param name="Current">The dataset readers use.</param>
/// <param name="Sequence">Bumped by every flip and rollback; 0 before the first.</param>
/// <param name="FlippedAt">When the current state was set; null at sequence 0.</param>
/// <param name="FlippedBy">The backfill or flip run that set it; null at sequence 0.</param>
/// <param name="History">Earlier states, newest first.</param>
public sealed record PointerView(string Name, string Current, long Sequence, DateTimeOffset? FlippedAt, string? FlippedBy, IReadOnlyList<PointerHistoryView> History)
{
    /// <summary>The view of an entity state.</summary>
    public static PointerView Of(PointerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(state.Name, state.Current, state.Sequence, state.FlippedAt, state.FlippedBy,
            [.. state.History.Select(h => new PointerHistoryView(h.Version, h.Sequence, h.FlippedAt, h.FlippedBy))]);
    }
}
