using System.Numerics;

namespace Backfill.Core.Buckets;

/// <summary>
/// How many entity buckets a dataset's day is split into: a power of two from 1 to <see cref="MaxValue"/>, so a
/// bucket is the low <see cref="Bits"/> bits of an entity's hash and the buckets of one count nest in those of
/// twice the count (see <see cref="EntityBucket.Upstream"/>).
/// </summary>
/// <remarks>
/// <c>default(BucketCount)</c> is one bucket, not zero: a record stored before buckets existed deserializes
/// without the field, and it means the old layout, the whole day in one bucket.
/// </remarks>
public readonly record struct BucketCount
{
    /// <summary>The largest bucket count.</summary>
    public const int MaxValue = 256;

    // Zero stands for one, so the default value is the one-bucket layout; equality compares this field, and
    // only Of writes it, never with 1, so one bucket has one representation.
    private readonly int _value;

    private BucketCount(int value) => _value = value == 1 ? 0 : value;

    /// <summary>Gets one bucket: the whole day, the layout of datasets that are not bucketed.</summary>
    public static BucketCount One => default;

    /// <summary>Gets the number of buckets.</summary>
    public int Value => _value == 0 ? 1 : _value;

    /// <summary>Gets log2 of <see cref="Value"/>: how many low bits of the hash pick the bucket.</summary>
    public int Bits => BitOperations.Log2((uint)Value);

    /// <summary>Returns the bucket count <paramref name="value"/>.</summary>
    /// <param name="value">A power of two from 1 to <see cref="MaxValue"/>.</param>
    /// <returns>The bucket count.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not a power of two from 1 to 256.</exception>
    public static BucketCount Of(int value) =>
        IsValid(value)
            ? new BucketCount(value)
            : throw new ArgumentOutOfRangeException(
                nameof(value), value, $"A bucket count must be a power of two from 1 to {MaxValue}; {value} is not.");

    /// <summary>Whether <paramref name="value"/> is a valid bucket count.</summary>
    /// <param name="value">The candidate count.</param>
    /// <returns><see langword="true"/> for a power of two from 1 to <see cref="MaxValue"/>.</returns>
    public static bool IsValid(int value) => value is >= 1 and <= MaxValue && BitOperations.IsPow2(value);

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
