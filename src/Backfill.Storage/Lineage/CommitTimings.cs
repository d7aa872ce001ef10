namespace Backfill.Storage.Lineage;

/// <summary>Milliseconds each step of a commit took; null for steps that have not run.</summary>
/// <param name="BuildMilliseconds">Reading inputs and computing.</param>
/// <param name="StageMilliseconds">Uploading files.</param>
/// <param name="ValidateMilliseconds">Validation.</param>
/// <param name="PublishMilliseconds">The conditional manifest replace.</param>
public sealed record CommitTimings(
    long BuildMilliseconds, long StageMilliseconds, long? ValidateMilliseconds, long? PublishMilliseconds)
{
    /// <summary>Gets the steps' time together (steps that have not run count zero).</summary>
    public TimeSpan Duration =>
        TimeSpan.FromMilliseconds(BuildMilliseconds + StageMilliseconds + (ValidateMilliseconds ?? 0) + (PublishMilliseconds ?? 0));
}
