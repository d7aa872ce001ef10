using Backfill.Core.Events;
using Backfill.Core.Generation;

namespace Backfill.Core.Tests.Generation;

public sealed class EventGeneratorTests
{
    // A Friday: seasonality weight 1.1.
    private static readonly DateOnly Day = new(2025, 1, 3);
    private static readonly EventGeneratorOptions Options = new() { EventsPerDay = 20_000, EntityCount = 500 };

    [Fact]
    public void Generate_SameSeedTwice_GivesIdenticalLines()
    {
        var first = new EventGenerator(Options).Generate(Day).ToList();
        var second = new EventGenerator(Options).Generate(Day).ToList();

        Assert.Equal(first, second);
    }

    [Fact]
    public void Generate_OtherSeed_GivesOtherLines()
    {
        var first = new EventGenerator(Options).Generate(Day).Take(100).ToList();
        var other = new EventGenerator(Options with { Seed = 7 }).Generate(Day).Take(100).ToList();

        Assert.NotEqual(first, other);
    }

    [Fact]
    public void EventCount_Weekdays_FollowWeeklySeasonality()
    {
        var generator = new EventGenerator(Options);

        Assert.Equal(22_000, generator.EventCount(Day));
        Assert.Equal(26_000, generator.EventCount(Day.AddDays(1)));
        Assert.Equal(17_000, generator.EventCount(Day.AddDays(3)));
    }

    [Fact]
    public void Generate_DefaultRates_HasDuplicatesMalformedAndLateLinesInProportion()
    {
        var lines = new EventGenerator(Options).Generate(Day).ToList();
        var parsed = lines.Select(line => (line, EventLine.Parse(line.Text))).ToList();
        var events = parsed.Where(pair => pair.Item2.Event is not null).ToList();
        var duplicates = events.Count - events.Select(pair => pair.Item2.Event!.EventId).Distinct().Count();
        var malformed = parsed.Count(pair => pair.Item2.Event is null);
        var sameDay = events.Count(pair => DateOnly.FromDateTime(pair.line.ArrivalTime) == Day);

        Assert.InRange(duplicates, 22_000 * 0.003, 22_000 * 0.007);
        Assert.InRange(malformed, 22_000 * 0.0005, 22_000 * 0.002);
        Assert.InRange(sameDay / (double)events.Count, 0.83, 0.87);
        Assert.All(events, pair => Assert.True(pair.line.ArrivalTime >= pair.Item2.Event!.EventTime));
        Assert.All(events, pair => Assert.Equal(Day, pair.Item2.Event!.EventDate));
    }

    [Fact]
    public void Generate_MissingDayFault_LandsNothing()
    {
        var generator = new EventGenerator(Options with { Faults = [new MissingDayFault(Day)] });

        Assert.Empty(generator.Generate(Day));
        Assert.NotEmpty(generator.Generate(Day.AddDays(1)));
    }

    [Fact]
    public void EventCount_VolumeDropFault_ScalesTheDay()
    {
        var generator = new EventGenerator(Options with { Faults = [new VolumeDropFault(Day, 0.25)] });

        Assert.Equal(5_500, generator.EventCount(Day));
    }

    [Fact]
    public void Generate_NullSpikeFault_NullsThatColumn()
    {
        var generator = new EventGenerator(Options with { Faults = [new NullSpikeFault(Day, NullableColumn.SessionId, 0.5)] });

        var events = generator.Generate(Day).Select(line => EventLine.Parse(line.Text).Event).OfType<Event>().ToList();

        Assert.InRange(events.Count(e => e.SessionId is null) / (double)events.Count, 0.45, 0.55);
    }

    [Fact]
    public void Generate_DistributionShiftFault_ScalesAmounts()
    {
        var normal = MeanPurchase(new EventGenerator(Options));
        var shifted = MeanPurchase(new EventGenerator(Options with { Faults = [new DistributionShiftFault(Day, 3)] }));

        Assert.InRange(shifted / normal, 2.7m, 3.3m);
    }

    [Fact]
    public void Constructor_WrongSeasonalityLength_Throws()
    {
        Assert.Throws<ArgumentException>(() => new EventGenerator(Options with { WeeklySeasonality = [1.0] }));
    }

    [Fact]
    public void Constructor_RateAboveOne_ThrowsNamingTheSetting()
    {
        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(
            () => new EventGenerator(Options with { DuplicateRate = 2 }));

        Assert.Contains(nameof(EventGeneratorOptions.DuplicateRate), error.Message, StringComparison.Ordinal);
    }

    private static decimal MeanPurchase(EventGenerator generator) =>
        generator.Generate(Day)
            .Select(line => EventLine.Parse(line.Text).Event)
            .OfType<Event>()
            .Where(e => e.EventType == EventType.Purchase)
            .Average(e => e.Amount!.Value);
}
