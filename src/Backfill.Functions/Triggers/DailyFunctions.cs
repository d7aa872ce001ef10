using Backfill.Workflows.Activities;
using Backfill.Workflows.Entities;
using Backfill.Workflows.Models;
using Backfill.Workflows.Orchestrators;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Entities;

namespace Backfill.Functions.Triggers;

/// <summary>Durable triggers of the daily run: each one hands straight to the shared class.</summary>
internal sealed class DailyFunctions(RecordLateDataActivity record, ScanLateArrivalsActivity scan)
{
    [Function(nameof(DailyOrchestrator))]
    public static Task<DailyRunResult> OrchestrateAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DailyOrchestrator().RunAsync(context, context.GetInput<DailyRunInput>()!);

    [Function(nameof(DailyDayOrchestrator))]
    public static Task<IReadOnlyList<DailyLayerResult>> OrchestrateDayAsync([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new DailyDayOrchestrator().RunAsync(context, context.GetInput<DailyDayInput>()!);

    [Function(nameof(RecordLateDataActivity))]
    public Task<Backfill.Core.Daily.LateDataDay> RecordLateDataAsync([ActivityTrigger] LateDataRequest request, FunctionContext context) =>
        record.RunAsync(new FunctionsActivityContext(nameof(RecordLateDataActivity), context), request);

    [Function(nameof(ScanLateArrivalsActivity))]
    public Task<IReadOnlyList<Backfill.Core.Partitions.Day>> ScanLateArrivalsAsync([ActivityTrigger] LateScanRequest request, FunctionContext context) =>
        scan.RunAsync(new FunctionsActivityContext(nameof(ScanLateArrivalsActivity), context), request);

    [Function(nameof(DailyWatermarkEntity))]
    public static Task DispatchWatermarkAsync([EntityTrigger] TaskEntityDispatcher dispatcher) => dispatcher.DispatchAsync<DailyWatermarkEntity>();
}
