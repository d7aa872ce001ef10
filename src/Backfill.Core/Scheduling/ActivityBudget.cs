namespace Backfill.Core.Scheduling;

/// <summary>
/// The global activity budget that backfills and the daily run share: the most work item activities in flight
/// across every backfill, of which <see cref="Reserved"/> slots are never granted to backfills, so the daily run's
/// activities never queue behind theirs. A backfill is granted part of the rest, <see cref="BackfillShare"/>.
/// </summary>
public sealed class ActivityBudget
{
    /// <summary>How long a grant lasts without a renewal; far longer than any work item (10 min) plus its retry delay (5 min).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromHours(1);

    /// <summary>How often a running backfill renews its grant, at most: well inside <see cref="Lease"/>.</summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(10);

    private readonly IDictionary<string, BudgetGrant> _grants;

    /// <summary>Creates the budget over <paramref name="grants"/> (backfill id → its grant), which it updates in place.</summary>
    /// <param name="budget">Activities in flight at once for backfills and the daily run together.</param>
    /// <param name="reserved">Slots reserved for the daily run; below <paramref name="budget"/>.</param>
    /// <param name="grants">The current grants per backfill id.</param>
    /// <exception cref="ArgumentOutOfRangeException">The reserved slots are negative or leave no slot for backfills.</exception>
    public ActivityBudget(int budget, int reserved, IDictionary<string, BudgetGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        ArgumentOutOfRangeException.ThrowIfNegative(reserved);
        if (budget <= reserved)
        {
            throw new ArgumentOutOfRangeException(nameof(budget), budget, $"The activity budget must exceed the {reserved} reserved slots.");
        }

        Budget = budget;
        Reserved = reserved;
        _grants = grants;
    }

    /// <summary>Gets the activities in flight at once for backfills and the daily run together.</summary>
    public int Budget { get; }

    /// <summary>Gets the slots reserved for the daily run.</summary>
    public int Reserved { get; }

    /// <summary>Gets the slots backfills share: the budget less the reserved slots.</summary>
    public int BackfillShare => Budget - Reserved;

    /// <summary>Gets the slots granted to every backfill together.</summary>
    public int Granted => _grants.Values.Sum(g => g.Slots);

    /// <summary>Gets the ids of the backfills holding a grant.</summary>
    public IEnumerable<string> Holders => _grants.Keys;

    /// <summary>The slots granted to backfills other than <paramref name="backfillId"/>.</summary>
    public int GrantedToOthers(string backfillId) => _grants.Where(g => g.Key != backfillId).Sum(g => g.Value.Slots);

    /// <summary>
    /// Grants <paramref name="backfillId"/> up to <paramref name="wanted"/> slots of what the other backfills left of
    /// the share, replacing its previous grant (a smaller want gives slots back). Never less than 1, so a backfill
    /// always makes progress; with more backfills than the share has slots, those floors together exceed the share.
    /// Other grants not renewed since <paramref name="at"/> − <see cref="Lease"/> lapse first.
    /// </summary>
    /// <returns>The slots granted.</returns>
    public int Request(string backfillId, int wanted, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(backfillId);
        ArgumentOutOfRangeException.ThrowIfLessThan(wanted, 1);
        foreach (var lapsed in _grants.Where(g => g.Key != backfillId && g.Value.RenewedAt < at - Lease).Select(g => g.Key).ToList())
        {
            _grants.Remove(lapsed);
        }

        var granted = Math.Max(1, Math.Min(wanted, BackfillShare - GrantedToOthers(backfillId)));
        _grants[backfillId] = new BudgetGrant(granted, at);
        return granted;
    }

    /// <summary>Gives back every slot of <paramref name="backfillId"/> (idempotent).</summary>
    public void Release(string backfillId) => _grants.Remove(backfillId);
}
