namespace Backfill.Workflows.Models;

/// <summary>Work items of a backfill by state.</summary>
public sealed record BackfillCounts(int Total, int Pending, int Running, int Succeeded, int Failed, int Blocked, int Skipped, int Waiting = 0)
{
    /// <summary>Counts the states of <paramref name="items"/>.</summary>
    public static BackfillCounts Of(ReadOnlySpan<char> items)
    {
        int pending = 0, running = 0, succeeded = 0, failed = 0, blocked = 0, skipped = 0, waiting = 0;
        foreach (var code in items)
        {
            switch ((ItemState)code)
            {
                case ItemState.Pending: pending++; break;
                case ItemState.Running: running++; break;
                case ItemState.Succeeded: succeeded++; break;
                case ItemState.Failed: failed++; break;
                case ItemState.Blocked: blocked++; break;
                case ItemState.Skipped: skipped++; break;
                case ItemState.Waiting: waiting++; break;
                default: throw new ArgumentException($"Unknown item state code '{code}'.", nameof(items));
            }
        }

        return new BackfillCounts(items.Length, pending, running, succeeded, failed, blocked, skipped, waiting);
    }
}
