using DurableTask.Core;

namespace Backfill.LocalHost.Engine;

/// <summary>
/// Gives the engine a fresh durable object per work item, created by name from the workflow
/// catalog. Registration happens once from the catalog, so runtime additions are refused.
/// </summary>
internal sealed class DelegateObjectManager<T>(Func<string, T?> create) : INameVersionObjectManager<T>
{
    public void Add(ObjectCreator<T> creator) =>
        throw new NotSupportedException("Durable types come from WorkflowCatalog; add them there.");

    public T? GetObject(string name, string? version) => create(name);
}
