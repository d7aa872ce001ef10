namespace Backfill.Core.Events;

/// <summary>What a user did. The numeric values are the compact codes stored in Parquet; never renumber.</summary>
public enum EventType : byte
{
    /// <summary>Viewed an item (<c>view</c>).</summary>
    View = 0,

    /// <summary>Clicked an item (<c>click</c>).</summary>
    Click = 1,

    /// <summary>Added an item to the cart (<c>add_to_cart</c>).</summary>
    AddToCart = 2,

    /// <summary>Bought (<c>purchase</c>).</summary>
    Purchase = 3,

    /// <summary>Got money back (<c>refund</c>); staged with a negative amount.</summary>
    Refund = 4,
}
