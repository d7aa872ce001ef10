using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace Backfill.Functions.Triggers;

/// <summary>
/// Functions binds an activity's input but not the SDK's activity context; this supplies the
/// context from the invocation so the shared activity classes run unchanged.
/// </summary>
internal sealed class FunctionsActivityContext(TaskName name, FunctionContext function) : TaskActivityContext
{
    public override TaskName Name => name;

    public override string InstanceId =>
        function.BindingContext.BindingData.TryGetValue("instanceId", out var id) ? id?.ToString() ?? string.Empty : string.Empty;
}
