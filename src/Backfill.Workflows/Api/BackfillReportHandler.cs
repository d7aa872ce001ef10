using System.Globalization;
using System.Text.Json;
using Backfill.Core.Partitions;
using Backfill.Core.Reports;
using Backfill.Storage.Building;
using Backfill.Storage.Reports;
using Backfill.Workflows.Json;
using Backfill.Workflows.Models;
using Backfill.Workflows.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;

namespace Backfill.Workflows.Api;

/// <summary>
/// <c>GET /api/backfills/{id}/report?from=&amp;to=</c>: the <b>repair report</b> of a finished backfill. What it published,
/// compared with the commits it superseded; the other partitions of its datasets in the context range (default: the
/// calendar months of its days), each proven unchanged since it started from its manifest's Last-Modified and ETag; and
/// the downstream partitions it made stale, with a ready repair.
/// </summary>
public sealed class BackfillReportHandler(LakeReady lakeReady)
{
    /// <summary>The route.</summary>
    public const string Route = "backfills/{id}/report";

    /// <summary>200 with the report; 400 naming <c>from</c> or <c>to</c>; 404 for an unknown backfill; 409 while it still runs.</summary>
    public async Task<IResult> GetAsync(HttpRequest request, DurableTaskClient client, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (QueryDay.ReadRange(request, out var from, out var to) is { } malformed)
        {
            return malformed;
        }

        var cancellationToken = request.HttpContext.RequestAborted;
        var snapshot = await BackfillSnapshot.ReadAsync(client, id, cancellationToken).ConfigureAwait(false);
        if (snapshot is null)
        {
            return Problems.NotFound($"No backfill with id '{id}'.");
        }

        // A report of a running backfill would prove nothing: its next publish can change any of it. Its status says it
        // ended once every item has (the orchestration then only releases its claims and slots), so that is enough.
        if (!snapshot.IsFinished && snapshot.Status is not (BackfillStatus.Completed or BackfillStatus.CompletedWithFailures
                or BackfillStatus.Canceled or BackfillStatus.Failed or BackfillStatus.Rejected))
        {
            return Problems.Conflict(
                $"Backfill '{id}' is still running ({snapshot.Status}); its report is ready once it finishes.",
                new Dictionary<string, object?> { ["status"] = snapshot.Status.ToString() });
        }

        var spec = snapshot.Spec;
        var days = PartitionSetParser.Parse(spec.Partitions, new PartitionSetParseOptions { MaxDays = int.MaxValue });
        var fallback = ReportRange.Default(days.First, days.Last);
        var (context, error) = ReportRange.Requested(from ?? fallback.From, to ?? fallback.To);
        if (context is null)
        {
            return Problems.Invalid(to is null ? "from" : "to", error!);
        }

        var datasets = spec.Layers.Select(layer => Datasets.Of(layer, spec.Target)).ToList();
        var lake = await lakeReady.GetAsync().ConfigureAwait(false);
        var report = await new RepairReportReader(lake).ReadAsync(
            new RepairReportRequest(id, datasets, days.First, days.Last, spec.SubmittedAt, context), cancellationToken).ConfigureAwait(false);

        var stale = report.Stale.Select(s => new ReportStaleView(
            s.Dataset, s.Partition.ToString(), s.CommitId,
            string.Join("; ", s.ChangedInputs.Select(i => $"{i.Dataset}/{i.Partition} read {i.CommitId}, live is {LiveOf(report, i.Dataset, i.Partition) ?? "none"}")))).ToList();
        var untouched = report.Untouched.Select(u => new ReportUntouchedView(
            u.Dataset, u.Partition.ToString(), Name(u.Verdict), u.Evidence?.CommitId, u.Evidence?.ETag, u.Evidence?.LastModified, u.Evidence?.PublishedAt, u.Evidence?.RunId)).ToList();
        var summary = new ReportSummaryView(
            report.Published.Count,
            report.Untouched.Count(u => u.Verdict == UntouchedVerdict.Unchanged),
            report.Untouched.Count(u => u.Verdict == UntouchedVerdict.ChangedSinceStart),
            report.Untouched.Count(u => u.Verdict == UntouchedVerdict.Missing),
            report.Stale.Count);
        return Results.Json(
            new BackfillReportView(
                id, snapshot.Status, spec.Target, spec.Partitions, spec.SubmittedAt, context.From.ToString(), context.To.ToString(), summary,
                [.. report.Published.Select(View)], untouched, stale, Repairs(report.Stale, spec.Target)),
            ApiJson.Options);
    }

    private static ReportPublishedView View(PublishedPartition p) => new(
        p.Dataset, p.Partition.ToString(), p.CommitId, p.PreviousCommitId, Name(p.Basis), p.RowsBefore, p.RowsAfter, Name(p.WriteMode), p.Changes, p.MeanShifts, p.LiveCommitId);

    private static string? LiveOf(RepairReport report, string dataset, Day day) =>
        report.Published.FirstOrDefault(p => p.Dataset == dataset && p.Partition == day)?.LiveCommitId;

    /// <summary>
    /// One <c>reprocess: stale</c> backfill per feature version over its stale days: a stale staging partition is rebuilt
    /// with the backfill's own target, whose features read it. The stale mode rebuilds exactly the stale partitions and
    /// whatever reads them in the range, so the span between the first and last stale day rebuilds nothing else.
    /// </summary>
    private static List<StaleRepairView> Repairs(IReadOnlyList<StalePartition> stale, string target) =>
        [.. stale.GroupBy(s => s.Dataset == Datasets.Staging ? target : s.Dataset)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.Min(s => s.Partition);
                var last = g.Max(s => s.Partition);
                return new StaleRepairView(
                    g.Key,
                    g.Count(),
                    new StaleRepairBody($"{first}..{last}", g.Key, "stale"),
                    string.Create(CultureInfo.InvariantCulture, $"backfill repair --stale --from {first} --to {last} --target {g.Key}"));
            })];

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
