namespace Backfill.Core.Buckets;

/// <summary>One bucket of a dataset's day: the entities a bucket work item builds and reads.</summary>
/// <param name="Bucket">The bucket, from 0 to <paramref name="Count"/> − 1.</param>
/// <param name="Count">How many buckets the day is split into.</param>
public sealed record BucketScope(int Bucket, BucketCount Count)
{
    /// <summary>True when <paramref name="entityId"/> lies in this bucket.</summary>
    /// <param name="entityId">The entity.</param>
    /// <returns>Whether the bucket holds it.</returns>
    public bool Holds(string entityId) => EntityBucket.Of(entityId, Count) == Bucket;
}
