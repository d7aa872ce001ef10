using Backfill.Storage.Backfills;

namespace Backfill.Storage.Tests.Backfills;

public sealed class ItemAttemptsTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ItemAttempt Attempt(int number, string outcome = "transient", string? error = "IOException: boom") =>
        new(number, T0.AddMinutes(number), T0.AddMinutes(number).AddSeconds(1), outcome, error);

    [Fact]
    public void Append_MoreThanMaxKept_KeepsTheNewestInOrder()
    {
        IReadOnlyList<ItemAttempt> log = [];
        for (var n = 1; n <= ItemAttempts.MaxKept + 3; n++)
        {
            log = ItemAttempts.Append(log, Attempt(n));
        }

        Assert.Equal(Enumerable.Range(4, ItemAttempts.MaxKept), log.Select(a => a.Attempt));
    }

    [Fact]
    public void Append_SameAttemptRecordedAgain_ReplacesItInsteadOfAddingATwin()
    {
        var log = ItemAttempts.Append(ItemAttempts.Append([], Attempt(1)), Attempt(2));

        log = ItemAttempts.Append(log, Attempt(2, "succeeded", null));

        Assert.Equal([Attempt(1), Attempt(2, "succeeded", null)], log);
    }

    [Fact]
    public void Append_RerunStartingAgainAtOne_KeepsBothRuns()
    {
        // After a code-version pause or a lost claim, the item runs again from attempt 1: a new start, a new entry.
        var log = ItemAttempts.Append([], Attempt(1, "codeVersionMismatch"));

        log = ItemAttempts.Append(log, Attempt(1) with { StartedAt = T0.AddHours(1), FinishedAt = T0.AddHours(1) });

        Assert.Equal(2, log.Count);
    }

    [Fact]
    public void Append_LongError_CutToTheBound()
    {
        var log = ItemAttempts.Append([], Attempt(1, "failed", new string('x', 5_000)));

        Assert.Equal(ItemAttempts.MaxErrorChars, log[0].Error!.Length);
        Assert.EndsWith("…", log[0].Error, StringComparison.Ordinal);
    }
}
