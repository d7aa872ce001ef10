using Backfill.Core.Claims;
using Backfill.Core.Partitions;
using Backfill.Core.Planning;
using Backfill.Core.Scheduling;
using Backfill.Storage.Alerts;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Alerts;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// One generation of a backfill orchestration: the window, the ready queue, the external events.
/// Deterministic: it only schedules durable tasks and reads the orchestration clock.
/// </summary>
internal sealed class BackfillRun : IDisposable
{
    private readonly TaskOrchestrationContext _context;
    private readonly Plan _plan;
    private readonly char[] _items;
    private readonly int[] _waitingFor;
    private readonly List<int>[] _dependents;
    private readonly SortedSet<int> _ready = [];
    private readonly Dictionary<Task<WorkItemOutcome>, int> _inFlight = [];

    // The slots each in-flight item took when it started (a cap change does not resize a running day).
    private readonly Dictionary<int, int> _slots = [];
    private BackfillState _state;
    private BackfillStatus _status = BackfillStatus.Running;
    private string? _reason;
    private int _finishedThisGeneration;

    // The claim: what this backfill wants, what it holds now, and who holds the rest (items there are waiting).
    private readonly IReadOnlyDictionary<string, PartitionSet> _wanted;
    // Whether the claim holds each item's partition: asked for every item whenever the status is published, so it
    // is read from this array, filled when the claim changes, instead of searching the held days each time.
    private readonly bool[] _held;
    private IReadOnlyList<ClaimConflict> _conflicts;
    private int _waiting;
    private bool _claimsReleased;

    // While paused or waiting, the next time to renew, give back, or claim again; null when none is due. A timer left
    // behind must be canceled: the engine does not complete an orchestration while one of its timers is pending.
    private Task? _tick;
    private CancellationTokenSource? _tickCancel;
    private DateTime _pausedAt;
    private int _claimTicks;

    // The activity budget's grant; null while holding no slots (paused, or not yet asked).
    private ActivityGrant? _grant;
    private DateTime _grantedAt;

    public BackfillRun(TaskOrchestrationContext context, BackfillState state, Plan plan, IReadOnlyDictionary<string, PartitionSet> wanted, ClaimResult claim)
    {
        _context = context;
        _plan = plan;
        _state = state;
        _wanted = wanted;
        _conflicts = claim.Conflicts;
        _items = state.Items.Length == plan.Items.Count
            ? state.Items.ToCharArray()
            : Enumerable.Repeat((char)ItemState.Pending, plan.Items.Count).ToArray();
        _held = new bool[_items.Length];
        Hold(claim);

        // An item interrupted by ContinueAsNew never started in the new generation: run it again. Waiting is
        // derived from the claim each time the status is published.
        for (var i = 0; i < _items.Length; i++)
        {
            if (_items[i] is (char)ItemState.Running or (char)ItemState.Waiting)
            {
                _items[i] = (char)ItemState.Pending;
            }
        }

        var index = new Dictionary<WorkItem, int>(plan.Items.Count);
        for (var i = 0; i < plan.Items.Count; i++)
        {
            index[plan.Items[i]] = i;
        }

        _waitingFor = new int[_items.Length];
        _dependents = new List<int>[_items.Length];
        for (var i = 0; i < _items.Length; i++)
        {
            _dependents[i] = [];
        }

        for (var i = 0; i < _items.Length; i++)
        {
            foreach (var dependency in plan.DependsOn[plan.Items[i]])
            {
                var d = index[dependency];
                _dependents[d].Add(i);
                if (!IsDone(_items[d]))
                {
                    _waitingFor[i]++;
                }
            }
        }

        for (var i = 0; i < _items.Length; i++)
        {
            if (_items[i] == (char)ItemState.Pending && _waitingFor[i] == 0)
            {
                _ready.Add(i);
            }
        }

        if (state.PauseReason is not null)
        {
            _status = BackfillStatus.Paused;
            _reason = state.PauseReason;
            _pausedAt = context.CurrentUtcDateTime;
        }
    }

    /// <summary>True when the generation ended to continue as new with <see cref="NextState"/>.</summary>
    public bool ContinueAsNew { get; private set; }

    public BackfillState NextState => _state with
    {
        Items = new string(_items),
        Generation = _state.Generation + 1,
        PauseReason = _status == BackfillStatus.Paused ? _reason : null,
    };

    public async Task<BackfillProgress> ExecuteAsync()
    {
        var cancel = _context.WaitForExternalEvent<bool>(BackfillEvents.Cancel);
        var capChange = _context.WaitForExternalEvent<int>(BackfillEvents.SetMaxParallel);
        var resume = _context.WaitForExternalEvent<string>(BackfillEvents.Resume);
        var pause = _context.WaitForExternalEvent<bool>(BackfillEvents.Pause);
        var claimsChanged = _context.WaitForExternalEvent<bool>(BackfillEvents.ClaimsChanged);

        // Asked again each generation: the grant is kept across ContinueAsNew, but slots may have freed meanwhile.
        if (_status == BackfillStatus.Running)
        {
            await RequestSlotsAsync();
        }

        // Refill before publishing: the status must list the items just started as running, or a reader
        // never sees an item in flight (with max parallel 1 the list would always be empty).
        Refill();
        Publish();

        // Bounded: each generation finishes at most GenerationSize items, then continues as new. Items waiting for
        // claims keep it alive: it claims again on each tick and when a daily run says it took or gave back days.
        while (_inFlight.Count > 0 || _status == BackfillStatus.Paused || (_status == BackfillStatus.Running && !GenerationEnds && _ready.Count > 0))
        {
            ScheduleTick();
            Task[] events = _status == BackfillStatus.Paused ? [cancel, capChange, resume, claimsChanged] : [cancel, capChange, pause, claimsChanged];
            var winner = await Task.WhenAny(_inFlight.Keys.Cast<Task>().Concat(events).Concat(_tick is null ? Array.Empty<Task>() : [_tick]));
            if (winner == cancel)
            {
                _status = BackfillStatus.Canceling;
                _reason = null;
                cancel = NeverAgain<bool>();
            }
            else if (winner == capChange)
            {
                _state = _state with { MaxParallel = Math.Clamp(capChange.Result, MaxParallelBounds.Min, MaxParallelBounds.Max) };
                capChange = _context.WaitForExternalEvent<int>(BackfillEvents.SetMaxParallel);
                if (_grant is not null)
                {
                    await RequestSlotsAsync();
                }
            }
            else if (winner == resume)
            {
                // An empty version is an operator's resume: the pin stays.
                if (resume.Result is { Length: > 0 } accepted)
                {
                    _state = _state with { Spec = _state.Spec with { CodeVersion = accepted } };
                }

                _status = BackfillStatus.Running;
                _reason = null;
                resume = _context.WaitForExternalEvent<string>(BackfillEvents.Resume);
                DropTick();
                await RequestSlotsAsync();
                await ClaimAgainAsync();
            }
            else if (winner == pause)
            {
                // Only a running backfill pauses; a canceling one is already draining.
                if (_status == BackfillStatus.Running)
                {
                    _status = BackfillStatus.Paused;
                    _reason = BackfillOrchestrator.OperatorPauseReason;
                    _pausedAt = _context.CurrentUtcDateTime;
                }

                pause = _context.WaitForExternalEvent<bool>(BackfillEvents.Pause);
            }
            else if (winner == claimsChanged)
            {
                claimsChanged = _context.WaitForExternalEvent<bool>(BackfillEvents.ClaimsChanged);
                if (!_claimsReleased)
                {
                    await ClaimAgainAsync();
                }
            }
            else if (winner == _tick)
            {
                DropTick();
                await TickAsync();
            }
            else
            {
                var finished = (Task<WorkItemOutcome>)winner;
                var item = _inFlight[finished];
                _inFlight.Remove(finished);
                _slots.Remove(item);
                Finish(item, finished.Result);
                if (AlertOf(item, finished.Result) is { } alert)
                {
                    await AlertCalls.RaiseAsync(_context, alert);
                }
            }

            await RebalanceSlotsAsync();
            Refill();
            Publish();
        }

        DropTick();
        ContinueAsNew = GenerationEnds && _ready.Count > 0 && _status == BackfillStatus.Running;
        if (!ContinueAsNew)
        {
            _status = FinalStatus();
        }

        // The per-item states go to the output only: custom status must stay small at any size.
        return Publish() with { Items = new string(_items) };
    }

    private static bool IsDone(char state) => state is (char)ItemState.Succeeded or (char)ItemState.Skipped;

    // A completed event task would win every WhenAny; once handled, wait on a task that never ends.
    private static Task<T> NeverAgain<T>() => new TaskCompletionSource<T>().Task;

    private bool GenerationFull => _finishedThisGeneration >= BackfillOrchestrator.GenerationSize;

    // A long wait for claims also ends a generation, so waiting hours adds no more than a bounded history.
    private bool GenerationEnds => GenerationFull || _claimTicks >= BackfillOrchestrator.ClaimTicksPerGeneration;

    private bool Holds(int item) => _held[item];

    private void Hold(ClaimResult claim)
    {
        var held = ClaimCalls.Parse(claim);
        for (var i = 0; i < _held.Length; i++)
        {
            _held[i] = ClaimCalls.Holds(held, _plan.Items[i], _state.Spec.Target);
        }
    }

    // Starts ready items in plan order, skipping those whose partition another run holds (they wait).
    private void Refill()
    {
        if (_status != BackfillStatus.Running || GenerationFull)
        {
            return;
        }

        // The cap counts activities: a day split into buckets takes as many slots as it runs bucket steps at once.
        // Plan order is kept: an item that does not fit waits, and no later item passes it. So the walk over the ready
        // items stops there, instead of going through all of them (a long plan has thousands ready) on every event.
        var starts = new List<(int Item, int Slots)>();
        var inUse = SlotsInUse;
        foreach (var next in _ready)
        {
            if (!Holds(next))
            {
                continue;
            }

            var slots = SlotsOf(next);
            if (inUse + slots > EffectiveMaxParallel)
            {
                break;
            }

            starts.Add((next, slots));
            inUse += slots;
        }

        foreach (var (next, slots) in starts)
        {
            _ready.Remove(next);
            _items[next] = (char)ItemState.Running;
            _inFlight[RunItemAsync(_plan.Items[next], slots)] = next;
            _slots[next] = slots;
        }
    }

    private int SlotsInUse => _slots.Values.Sum();

    // One for a day in one piece; for a bucketed day, its buckets up to the whole cap (never 0, so it can start).
    private int SlotsOf(int item) =>
        Math.Clamp(WorkItemCalls.BucketsOf(_state.Spec.Buckets, ClaimCalls.DatasetOf(_plan.Items[item], _state.Spec.Target)), 1, Math.Max(1, EffectiveMaxParallel));

    // One timer at a time: while paused, to renew the leases or give them back after PauseReleaseMinutes; while
    // items wait for claims, to claim again every GrantRefreshSeconds (a released backfill claim sends no event).
    private void ScheduleTick()
    {
        if (_tick is not null)
        {
            return;
        }

        var now = _context.CurrentUtcDateTime;
        if (_status == BackfillStatus.Paused && !_claimsReleased)
        {
            var giveBack = _pausedAt + TimeSpan.FromMinutes(_state.PauseReleaseMinutes);
            var due = giveBack < now + ActivityBudget.RenewAfter ? giveBack : now + ActivityBudget.RenewAfter;
            _tickCancel = new CancellationTokenSource();
            _tick = _context.CreateTimer(due < now ? now : due, _tickCancel.Token);
        }
        else if (_status == BackfillStatus.Running && _waiting > 0 && !GenerationEnds)
        {
            _tickCancel = new CancellationTokenSource();
            _tick = _context.CreateTimer(now + TimeSpan.FromSeconds(_state.GrantRefreshSeconds), _tickCancel.Token);
        }
    }

    /// <inheritdoc />
    public void Dispose() => DropTick();

    // Forgets the pending tick, canceling its timer (a no-op once it fired).
    private void DropTick()
    {
        _tickCancel?.Cancel();
        _tickCancel?.Dispose();
        _tickCancel = null;
        _tick = null;
    }

    private async Task TickAsync()
    {
        if (_status == BackfillStatus.Running && _waiting > 0)
        {
            _claimTicks++;
            await ClaimAgainAsync();
        }
        else if (_status == BackfillStatus.Paused && !_claimsReleased)
        {
            if (_inFlight.Count == 0 && _context.CurrentUtcDateTime >= _pausedAt + TimeSpan.FromMinutes(_state.PauseReleaseMinutes))
            {
                // Paused long enough: give the claims and slots back so others can use them; resume claims again.
                await _context.Entities.SignalEntityAsync(ActivityBudgetEntity.Global, nameof(ActivityBudgetEntity.Release), _context.InstanceId);
                await ClaimCalls.ReleaseAsync(_context);
                _grant = null;
                _claimsReleased = true;
            }
            else if (_grant is not null)
            {
                await RequestSlotsAsync();
            }
            else
            {
                await ClaimCalls.RenewAsync(_context);
            }
        }
    }

    private async Task ClaimAgainAsync()
    {
        var result = await ClaimCalls.ClaimAsync(_context, daily: false, _wanted, wait: true, []);
        Hold(result);
        _conflicts = result.Conflicts;
        _claimsReleased = false;
    }

    // Max parallel capped by the grant: the backfill never queues more activities than the budget gave it.
    private int EffectiveMaxParallel => Math.Min(_state.MaxParallel, _grant?.Granted ?? 0);

    private string? MaxParallelReason => _grant switch
    {
        null when _status == BackfillStatus.Paused => "paused: its activity slots and claims are released until it resumes",
        { } g when g.Granted < _state.MaxParallel => $"max parallel {_state.MaxParallel}, running {g.Granted}: activity budget {g.Budget} with {g.Reserved} reserved for the daily run"
            + (g.GrantedToOthers > 0 ? $" and {g.GrantedToOthers} granted to other backfills" : string.Empty),
        _ => null,
    };

    // Every grant request also renews the claim's lease: one renewal step for both leases.
    private async Task RequestSlotsAsync()
    {
        await ClaimCalls.RenewAsync(_context);
        _grant = await _context.Entities.CallEntityAsync<ActivityGrant>(
            ActivityBudgetEntity.Global, nameof(ActivityBudgetEntity.Request), new ActivityGrantRequest(_context.InstanceId, _state.MaxParallel, _context.CurrentUtcDateTime));
        _grantedAt = _context.CurrentUtcDateTime;
    }

    // At most one entity call per finished item, and only when it can change something: a short-granted one asks
    // again once per refresh period (slots another backfill released are picked up then); any running one renews its
    // grant's and claim's leases. A paused one keeps both until its tick gives them back. Bounded history: most
    // finishes call nothing.
    private async Task RebalanceSlotsAsync()
    {
        if (_status is BackfillStatus.Running or BackfillStatus.Canceling && _grant is { } g)
        {
            var since = _context.CurrentUtcDateTime - _grantedAt;
            var shortOfSlots = _status == BackfillStatus.Running && g.Granted < _state.MaxParallel;
            if (since >= ActivityBudget.RenewAfter || (shortOfSlots && since >= TimeSpan.FromSeconds(_state.GrantRefreshSeconds)))
            {
                await RequestSlotsAsync();
            }
        }
    }

    private async Task<WorkItemOutcome> RunItemAsync(WorkItem item, int slots)
    {
        var spec = _state.Spec;
        var (outcome, _) = await WorkItemCalls.RunDayAsync(
            _context,
            new WorkItemRequest(
                _context.InstanceId, item, spec.Target, spec.WriteMode, 1, spec.CodeVersion, spec.ConfigHash, spec.SubmittedAt, BaselineAsOf: spec.SubmittedAt,
                Buckets: WorkItemCalls.BucketsOf(spec.Buckets, ClaimCalls.DatasetOf(item, spec.Target))),
            spec.Retries,
            spec.RetryDelaySeconds,
            slots);
        return outcome;
    }

    private void Finish(int item, WorkItemOutcome outcome)
    {
        if (!Holds(item))
        {
            // A daily run took the partition while the item ran: it waits for it and runs again (re-planned on the
            // daily run's output), whatever this attempt did; the commit protocol kept the partition whole meanwhile.
            _items[item] = (char)ItemState.Pending;
            _ready.Add(item);
            return;
        }

        _finishedThisGeneration++;
        _state = _state with { FinishedItems = _state.FinishedItems + 1, FinishedMilliseconds = _state.FinishedMilliseconds + outcome.DurationMilliseconds };
        switch (outcome.Kind)
        {
            case WorkItemOutcomeKind.Succeeded or WorkItemOutcomeKind.Skipped:
                _items[item] = outcome.Kind == WorkItemOutcomeKind.Succeeded ? (char)ItemState.Succeeded : (char)ItemState.Skipped;
                foreach (var dependent in _dependents[item])
                {
                    if (--_waitingFor[dependent] == 0 && _items[dependent] == (char)ItemState.Pending)
                    {
                        _ready.Add(dependent);
                    }
                }

                break;
            case WorkItemOutcomeKind.CodeVersionMismatch:
                // Nothing was written: the item runs again once the user accepts the new version.
                _items[item] = (char)ItemState.Pending;
                _ready.Add(item);
                if (_status == BackfillStatus.Running)
                {
                    _status = BackfillStatus.Paused;
                    _reason = outcome.Error;
                    _pausedAt = _context.CurrentUtcDateTime;
                }

                break;
            default:
                _items[item] = (char)ItemState.Failed;
                Block(item);
                if (_state.Spec.FailFast && _status == BackfillStatus.Running)
                {
                    _status = BackfillStatus.Failed;
                    _reason = $"failFast: {_plan.Items[item].Id} failed: {outcome.Error}";
                }

                break;
        }
    }

    // Validation failures raise their own alert where they are found; these are the run's own conditions.
    private AlertRequest? AlertOf(int item, WorkItemOutcome outcome)
    {
        var planned = _plan.Items[item];
        var dataset = ClaimCalls.DatasetOf(planned, _state.Spec.Target);
        var runId = _context.InstanceId;
        return outcome.Kind switch
        {
            WorkItemOutcomeKind.Transient when _items[item] == (char)ItemState.Failed => new AlertRequest(
                AlertSeverity.Error, AlertKinds.ItemFailed, $"{AlertKinds.ItemFailed}:{runId}:{dataset}:{planned.Partition}",
                $"{planned.Id} failed after its last retry: {outcome.Error}", dataset, planned.Partition.ToString(), runId),
            WorkItemOutcomeKind.CodeVersionMismatch when _status == BackfillStatus.Paused => new AlertRequest(
                AlertSeverity.Warning, AlertKinds.BackfillPaused, $"{AlertKinds.BackfillPaused}:{runId}:{outcome.Error}",
                $"Backfill {runId} paused: {outcome.Error}. Resume it with the accepted code version.", RunId: runId),
            _ => null,
        };
    }

    private void Block(int failed)
    {
        var pending = new Stack<int>(_dependents[failed]);
        while (pending.Count > 0)
        {
            var item = pending.Pop();
            if (_items[item] != (char)ItemState.Pending)
            {
                continue;
            }

            _items[item] = (char)ItemState.Blocked;
            _ready.Remove(item);
            foreach (var dependent in _dependents[item])
            {
                pending.Push(dependent);
            }
        }
    }

    private BackfillStatus FinalStatus()
    {
        var counts = BackfillCounts.Of(_items);
        return _status switch
        {
            BackfillStatus.Canceling => BackfillStatus.Canceled,
            BackfillStatus.Failed => BackfillStatus.Failed,
            _ when counts.Failed + counts.Blocked > 0 => BackfillStatus.CompletedWithFailures,
            _ => BackfillStatus.Completed,
        };
    }

    private BackfillProgress Publish()
    {
        var shown = (char[])_items.Clone();
        for (var i = 0; i < shown.Length; i++)
        {
            if (shown[i] == (char)ItemState.Pending && !Holds(i))
            {
                shown[i] = (char)ItemState.Waiting;
            }
        }

        var counts = BackfillCounts.Of(shown);
        _waiting = counts.Waiting;
        long? eta = _state.FinishedItems == 0
            ? null
            : (long)Math.Ceiling((double)_state.FinishedMilliseconds / _state.FinishedItems * (counts.Pending + counts.Running) / Math.Max(1, EffectiveMaxParallel) / 1000);
        var progress = new BackfillProgress(
            _status,
            counts,
            [.. _inFlight.Values.Order().Select(i => _plan.Items[i].Id)],
            _state.MaxParallel,
            _state.StartedAt,
            _context.CurrentUtcDateTime,
            eta,
            _state.Generation,
            _reason,
            null,
            EffectiveMaxParallel: EffectiveMaxParallel,
            MaxParallelReason: MaxParallelReason,
            Conflicts: _waiting > 0 ? [.. _conflicts.Take(3)] : null,
            WaitingReason: _waiting > 0 ? ClaimCalls.WaitingReason(_conflicts) ?? "waiting for its claim to be renewed" : null);
        _context.SetCustomStatus(progress);
        return progress;
    }
}
