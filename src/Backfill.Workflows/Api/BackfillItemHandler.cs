using Backfill.Core.Layers;
using Backfill.Core.Planning;
using Backfill.Storage.Backfills;
using Backfill.Storage.Building;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Backfill.Workflows.Api;

/// <summary>
/// <c>GET /api/backfills/{id}/items/{layer}/{date}</c>: one work item of a backfill expanded per bucket, so an operator sees
/// which buckets of a day are done, which failed and how often each was tried. The backfill's own status stays one row per
/// day whatever the bucket count.
/// </summary>
public sealed class BackfillItemHandler(BackfillItemStore items)
{
    /// <summary>The route.</summary>
    public const string Route = "backfills/{id}/items/{layer}/{date}";

    /// <summary>200 with the item and its steps; 400 naming <c>layer</c> or <c>date</c>; 404 for an unknown backfill or an item it does not plan.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client, string id, string layer, string date)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>();
        var parsedLayer = LayerNames.Parse(layer);
        if (parsedLayer is null)
        {
            errors["layer"] = [$"layer must be raw, staging or features; got '{layer}'."];
        }

        var day = QueryDay.Parse("date", date, errors);

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var partition = day!.Value;
        var cancellationToken = request.HttpContext.RequestAborted;
        var snapshot = await BackfillSnapshot.ReadAsync(client, id, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Problems.NotFound($"No backfill with id '{id}'.");
        }

        var item = new WorkItem(parsedLayer!.Value, partition);
        // An ended backfill's output holds every item's state: the item's own row is then enough, whatever the plan's size.
        var details = snapshot.HasFinalCodes
            ? await OwnRowAsync(id, item, cancellationToken).ConfigureAwait(false)
            : await items.ReadAsync(id, cancellationToken).ConfigureAwait(false);
        var view = snapshot.ItemView(item, details);
        if (view is null)
        {
            return Problems.NotFound($"Backfill '{id}' has no work item {item.Id}.");
        }

        var buckets = WorkItemCalls.BucketsOf(snapshot.Spec.Buckets, Datasets.Of(item.Layer, snapshot.Spec.Target));
        var steps = buckets == 1 ? [] : await StepsAsync(id, item, buckets, cancellationToken).ConfigureAwait(false);
        return Results.Json(new BackfillItemStepsView(view, buckets, steps), ApiJson.Options);
    }

    private async Task<IReadOnlyDictionary<string, BackfillItemRecord>> OwnRowAsync(string id, WorkItem item, CancellationToken cancellationToken) =>
        await items.ReadOneAsync(id, item.Id, cancellationToken).ConfigureAwait(false) is { } record
            ? new Dictionary<string, BackfillItemRecord>(StringComparer.Ordinal) { [item.Id] = record }
            : new Dictionary<string, BackfillItemRecord>(StringComparer.Ordinal);

    private async Task<List<BucketStepView>> StepsAsync(string id, WorkItem item, int buckets, CancellationToken cancellationToken)
    {
        var recorded = await items.ReadStepsAsync(id, item.Id, cancellationToken).ConfigureAwait(false);
        // How many map steps a raw day has, and whether a staging day exchanges its ids, is known once the day is pinned:
        // those that ran are listed, between pin and buckets, in the order they run.
        var ran = (string[])[BucketStep.MapPrefix, BucketStep.IdsPrefix, BucketStep.ResolvePrefix];
        var before = ran.SelectMany(prefix => recorded.Keys.Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            .Select(name => (Name: name, Bucket: (int?)null));
        var stages = Enumerable.Range(0, buckets).Select(b => (Name: BucketStep.NameOf(BucketStepKind.Stage, b), Bucket: (int?)b));
        var names = before.Concat(stages).Prepend((BucketStep.NameOf(BucketStepKind.Pin), null)).Append((BucketStep.NameOf(BucketStepKind.Publish), null));
        return [.. names.Select(step => recorded.TryGetValue(step.Name, out var d)
            ? new BucketStepView(step.Name, step.Bucket, d.Outcome, d.Attempts, d.Rows, d.DurationMilliseconds, d.Error, d.StartedAt, d.FinishedAt, d.AttemptLog)
            : new BucketStepView(step.Name, step.Bucket, BucketStepView.Pending, 0, 0, 0, null, null, null, null))];
    }
}
