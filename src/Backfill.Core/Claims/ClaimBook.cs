using Backfill.Core.Partitions;
using Backfill.Core.Scheduling;

namespace Backfill.Core.Claims;

/// <summary>
/// The claims of every run on the partitions it writes, as (dataset, day): one writer per partition. Raw and staging
/// are shared datasets, so two backfills of different feature versions meet there. Claims are leases: a claim not
/// renewed for <see cref="Lease"/> is free. A daily run has priority: its claim is always granted and takes the
/// days it needs from backfills, which wait for them. Updates <c>claims</c> (run id → claim) in place.
/// </summary>
/// <param name="claims">The current claims per run id.</param>
public sealed class ClaimBook(IDictionary<string, RunClaim> claims)
{
    /// <summary>How many overlapping days a conflict names.</summary>
    public const int ShownDays = 5;

    private static readonly PartitionSetParseOptions Canonical = new() { MaxDays = int.MaxValue };

    /// <summary>
    /// How long a claim lasts without a renewal. Claims share the activity budget's lease because the same step of a
    /// running backfill renews both (at least every <see cref="ActivityBudget.RenewAfter"/>).
    /// </summary>
    public static TimeSpan Lease => ActivityBudget.Lease;

    /// <summary>Whether <paramref name="claim"/>'s lease ran out at <paramref name="at"/>.</summary>
    public static bool IsExpired(RunClaim claim, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return claim.RenewedAt < at - Lease;
    }

    /// <summary>The days of a stored expression.</summary>
    public static PartitionSet Days(string expression) => PartitionSetParser.Parse(expression, Canonical);

    /// <summary>
    /// Claims <paramref name="wanted"/> for <paramref name="runId"/>, replacing its previous claim. Expired claims and
    /// those of <paramref name="evict"/> (holders known to be dead) are dropped first.
    /// <list type="bullet">
    /// <item>A backfill is refused, holding nothing, when another run holds any wanted partition, unless
    /// <paramref name="wait"/>: then it holds the free part and waits for the rest.</item>
    /// <item>A daily run gets everything; the days it takes are removed from the backfills that held them.</item>
    /// </list>
    /// </summary>
    /// <param name="runId">The claiming run.</param>
    /// <param name="daily">Whether it is a daily run.</param>
    /// <param name="wanted">Dataset → days, in the order conflicts should be reported (pipeline order).</param>
    /// <param name="wait">For a backfill: hold what is free instead of being refused.</param>
    /// <param name="evict">Runs whose claims go first (failed, terminated or missing holders).</param>
    /// <param name="at">The claimant's orchestration time: the lease start, and the "now" leases expire against.</param>
    public ClaimResult Claim(string runId, bool daily, IReadOnlyDictionary<string, PartitionSet> wanted, bool wait, IEnumerable<string> evict, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(wanted);
        ArgumentNullException.ThrowIfNull(evict);
        foreach (var expired in claims.Where(c => c.Key != runId && IsExpired(c.Value, at)).Select(c => c.Key).Concat(evict.Where(e => e != runId)).ToList())
        {
            claims.Remove(expired);
        }

        var conflicts = new List<ClaimConflict>();
        var held = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (dataset, days) in wanted)
        {
            var blocked = new HashSet<Day>();

            // A daily run is in the way of nothing and only takes from backfills; two daily runs may share days.
            foreach (var (holder, claim) in claims.Where(c => c.Key != runId && !(daily && c.Value.Daily)).OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                if (!claim.Datasets.TryGetValue(dataset, out var expression))
                {
                    continue;
                }

                var theirs = Days(expression);
                var overlap = days.Where(theirs.Contains).ToList();
                if (overlap.Count > 0)
                {
                    conflicts.Add(new ClaimConflict(holder, claim.Daily, dataset, [.. overlap.Take(ShownDays).Select(d => d.ToString())], overlap.Count));
                    blocked.UnionWith(overlap);
                }
            }

            var free = daily ? [.. days] : days.Where(d => !blocked.Contains(d)).ToList();
            if (free.Count > 0)
            {
                held[dataset] = new PartitionSet(free).ToExpression();
            }
        }

        if (!daily && !wait && conflicts.Count > 0)
        {
            return new ClaimResult(true, new Dictionary<string, string>(), conflicts);
        }

        if (daily)
        {
            TakeFromBackfills(wanted, conflicts);
        }

        claims[runId] = new RunClaim(daily, held, at);
        return new ClaimResult(false, held, conflicts);
    }

    /// <summary>Restarts the lease of <paramref name="runId"/>'s claim, if it still has one.</summary>
    public void Renew(string runId, DateTimeOffset at)
    {
        if (claims.TryGetValue(runId, out var claim) && claim.RenewedAt < at)
        {
            claims[runId] = claim with { RenewedAt = at };
        }
    }

    /// <summary>Frees every partition <paramref name="runId"/> holds (idempotent).</summary>
    /// <returns>True when it held a claim.</returns>
    public bool Release(string runId) => claims.Remove(runId);

    private void TakeFromBackfills(IReadOnlyDictionary<string, PartitionSet> wanted, List<ClaimConflict> taken)
    {
        foreach (var holder in taken.Select(c => c.RunId).Distinct())
        {
            var claim = claims[holder];
            var datasets = claim.Datasets.ToDictionary(StringComparer.Ordinal);
            foreach (var conflict in taken.Where(c => c.RunId == holder))
            {
                var left = Days(datasets[conflict.Dataset]).Where(d => !wanted[conflict.Dataset].Contains(d)).ToList();
                if (left.Count == 0)
                {
                    datasets.Remove(conflict.Dataset);
                }
                else
                {
                    datasets[conflict.Dataset] = new PartitionSet(left).ToExpression();
                }
            }

            claims[holder] = claim with { Datasets = datasets };
        }
    }
}
