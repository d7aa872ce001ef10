using Backfill.Core.Planning;
using Backfill.Core.Scheduling;
using Backfill.Workflows.Activities;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Microsoft.DurableTask;

namespace Backfill.Workflows.Orchestrators;

/// <summary>
/// One generation of a backfill orchestration: the window, the ready queue, the external events.
/// Deterministic: it only schedules durable tasks and reads the orchestration clock.
/// </summary>
internal sealed class BackfillRun
{
    private readonly TaskOrchestrationContext _context;
    private readonly Plan _plan;
    private readonly char[] _items;
    private readonly int[] _waitingFor;
    private readonly List<int>[] _dependents;
    private readonly SortedSet<int> _ready = [];
    private readonly Dictionary<Task<WorkItemOutcome>, int> _inFlight = [];
    private BackfillState _state;
    private BackfillStatus _status = BackfillStatus.Running;
    private string? _reason;
    private int _finishedThisGeneration;

    // The activity budget's grant; null while holding no slots (paused, or not yet asked).
    private ActivityGrant? _grant;
    private DateTime _grantedAt;

    public BackfillRun(TaskOrchestrationContext context, BackfillState state, Plan plan)
    {
        _context = context;
        _plan = plan;
        _state = state;
        _items = state.Items.Length == plan.Items.Count
            ? state.Items.ToCharArray()
            : Enumerable.Repeat((char)ItemState.Pending, plan.Items.Count).ToArray();

        // An item interrupted by ContinueAsNew never started in the new generation: run it again.
        for (var i = 0; i < _items.Length; i++)
        {
            if (_items[i] == (char)ItemState.Running)
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

        // Asked again each generation: the grant is kept across ContinueAsNew, but slots may have freed meanwhile.
        if (_status == BackfillStatus.Running)
        {
            await RequestSlotsAsync();
        }

        // Refill before publishing: the status must list the items just started as running, or a reader
        // never sees an item in flight (with max parallel 1 the list would always be empty).
        Refill();
        Publish();

        // Bounded: each generation finishes at most GenerationSize items, then continues as new.
        while (_inFlight.Count > 0 || _status == BackfillStatus.Paused)
        {
            var events = _status == BackfillStatus.Paused ? new Task[] { cancel, capChange, resume } : [cancel, capChange];
            var winner = await Task.WhenAny(_inFlight.Keys.Cast<Task>().Concat(events));
            if (winner == cancel)
            {
                _status = BackfillStatus.Canceling;
                _reason = null;
                cancel = NeverAgain<bool>();
            }
            else if (winner == capChange)
            {
                _state = _state with { MaxParallel = Math.Clamp(capChange.Result, 1, 64) };
                capChange = _context.WaitForExternalEvent<int>(BackfillEvents.SetMaxParallel);
                if (_grant is not null)
                {
                    await RequestSlotsAsync();
                }
            }
            else if (winner == resume)
            {
                _state = _state with { Spec = _state.Spec with { CodeVersion = resume.Result } };
                _status = BackfillStatus.Running;
                _reason = null;
                resume = _context.WaitForExternalEvent<string>(BackfillEvents.Resume);
                await RequestSlotsAsync();
            }
            else
            {
                var finished = (Task<WorkItemOutcome>)winner;
                var item = _inFlight[finished];
                _inFlight.Remove(finished);
                Finish(item, finished.Result);
            }

            await RebalanceSlotsAsync();
            Refill();
            Publish();
        }

        ContinueAsNew = _finishedThisGeneration >= BackfillOrchestrator.GenerationSize && _ready.Count > 0 && _status == BackfillStatus.Running;
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

    private void Refill()
    {
        var generationFull = _finishedThisGeneration >= BackfillOrchestrator.GenerationSize;
        while (_status == BackfillStatus.Running && !generationFull && _inFlight.Count < EffectiveMaxParallel && _ready.Count > 0)
        {
            var next = _ready.Min;
            _ready.Remove(next);
            _items[next] = (char)ItemState.Running;
            _inFlight[RunItemAsync(_plan.Items[next])] = next;
        }
    }

    // Max parallel capped by the grant: the backfill never queues more activities than the budget gave it.
    private int EffectiveMaxParallel => Math.Min(_state.MaxParallel, _grant?.Granted ?? 0);

    private string? MaxParallelReason => _grant switch
    {
        null when _status == BackfillStatus.Paused => "paused: its activity slots are released until it resumes",
        { } g when g.Granted < _state.MaxParallel => $"max parallel {_state.MaxParallel}, running {g.Granted}: activity budget {g.Budget} with {g.Reserved} reserved for the daily run"
            + (g.GrantedToOthers > 0 ? $" and {g.GrantedToOthers} granted to other backfills" : string.Empty),
        _ => null,
    };

    private async Task RequestSlotsAsync()
    {
        _grant = await _context.Entities.CallEntityAsync<ActivityGrant>(
            ActivityBudgetEntity.Global, nameof(ActivityBudgetEntity.Request), new ActivityGrantRequest(_context.InstanceId, _state.MaxParallel, _context.CurrentUtcDateTime));
        _grantedAt = _context.CurrentUtcDateTime;
    }

    // At most one entity call per finished item, and only when it can change something: a paused backfill with
    // nothing in flight gives its slots back; a short-granted one asks again once per refresh period (slots another
    // backfill released are picked up then); any running one renews its grant's lease. Bounded history: most
    // finishes call nothing.
    private async Task RebalanceSlotsAsync()
    {
        if (_status == BackfillStatus.Paused && _inFlight.Count == 0 && _grant is not null)
        {
            await _context.Entities.SignalEntityAsync(ActivityBudgetEntity.Global, nameof(ActivityBudgetEntity.Release), _context.InstanceId);
            _grant = null;
        }
        else if (_status is BackfillStatus.Running or BackfillStatus.Canceling && _grant is { } g)
        {
            var since = _context.CurrentUtcDateTime - _grantedAt;
            var shortOfSlots = _status == BackfillStatus.Running && g.Granted < _state.MaxParallel;
            if (since >= ActivityBudget.RenewAfter || (shortOfSlots && since >= TimeSpan.FromSeconds(_state.GrantRefreshSeconds)))
            {
                await RequestSlotsAsync();
            }
        }
    }

    private async Task<WorkItemOutcome> RunItemAsync(WorkItem item)
    {
        var spec = _state.Spec;
        var (outcome, _) = await WorkItemCalls.RunAsync(
            _context,
            attempt => new WorkItemRequest(_context.InstanceId, item, spec.Target, spec.WriteMode, attempt, spec.CodeVersion, spec.ConfigHash, spec.SubmittedAt, BaselineAsOf: spec.SubmittedAt),
            spec.Retries,
            spec.RetryDelaySeconds);
        return outcome;
    }

    private void Finish(int item, WorkItemOutcome outcome)
    {
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
        var counts = BackfillCounts.Of(_items);
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
            MaxParallelReason: MaxParallelReason);
        _context.SetCustomStatus(progress);
        return progress;
    }
}
