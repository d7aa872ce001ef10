using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Backfill.Core.Events;

namespace Backfill.Core.Generation;

/// <summary>
/// The deterministic sample event source: for an event day, the lines producers land, each with its arrival
/// time. Days are generated independently from (seed, day), so any day can be regenerated alone.
/// </summary>
public sealed class EventGenerator
{
    // Cumulative shares of view, click, add_to_cart, purchase, refund.
    private static readonly double[] TypeShares = [0.60, 0.80, 0.90, 0.98, 1.0];
    private const int MaxRedeliveryMinutes = 120;

    private readonly EventGeneratorOptions _options;

    /// <summary>Creates a generator.</summary>
    /// <param name="options">The settings; seven seasonality weights are required.</param>
    /// <exception cref="ValidationException">A rate or count is out of range, naming the setting.</exception>
    public EventGenerator(EventGeneratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        if (options.WeeklySeasonality.Count != 7)
        {
            throw new ArgumentException("WeeklySeasonality needs one weight per day of week.", nameof(options));
        }

        _options = options;
    }

    /// <summary>Returns how many events the day has before duplicates and malformed lines.</summary>
    /// <param name="day">The event day.</param>
    /// <returns>The event count after seasonality and volume faults.</returns>
    public int EventCount(DateOnly day)
    {
        var factor = _options.WeeklySeasonality[(int)day.DayOfWeek];
        foreach (var fault in FaultsOn(day))
        {
            factor *= fault switch
            {
                MissingDayFault => 0,
                VolumeDropFault drop => drop.Factor,
                _ => 1,
            };
        }

        return (int)Math.Round(_options.EventsPerDay * factor);
    }

    /// <summary>Generates the lines of every event of <paramref name="day"/>, lazily, in generation order.</summary>
    /// <param name="day">The event day.</param>
    /// <returns>The lines with their arrival times; a duplicate delivery follows its original.</returns>
    public IEnumerable<GeneratedLine> Generate(DateOnly day)
    {
        // System.Random with a seed is stable across runs and platforms; mixing in the day keeps days independent.
        var random = new Random(unchecked((_options.Seed * 486_187_739) + day.DayNumber));
        var faults = FaultsOn(day).ToList();
        var amountFactor = faults.OfType<DistributionShiftFault>().Aggregate(1.0, (f, shift) => f * shift.AmountFactor);
        var nullRates = faults.OfType<NullSpikeFault>().ToLookup(spike => spike.Column, spike => spike.Rate);
        var dayStart = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var count = EventCount(day);
        for (var i = 0; i < count; i++)
        {
            var value = NextEvent(random, day, dayStart, i, amountFactor, nullRates);
            var arrival = _options.Lateness.ArrivalTime(value.EventTime, random.NextDouble(), random.NextDouble());
            var text = EventLine.Format(value);
            if (random.NextDouble() < _options.MalformedRate)
            {
                yield return new GeneratedLine(arrival, Corrupt(random, value, text));
                continue;
            }

            yield return new GeneratedLine(arrival, text);
            if (random.NextDouble() < _options.DuplicateRate)
            {
                yield return new GeneratedLine(arrival.AddMinutes(random.Next(1, MaxRedeliveryMinutes)), text);
            }
        }
    }

    private Event NextEvent(
        Random random, DateOnly day, DateTime dayStart, int index, double amountFactor, ILookup<NullableColumn, double> nullRates)
    {
        // Squaring a uniform sample skews activity towards low entity ids: a few heavy users, a long tail.
        var sample = random.NextDouble();
        var entity = (int)(sample * sample * _options.EntityCount);
        var eventTime = dayStart.AddMilliseconds(random.Next(0, 86_400_000));
        var type = NextType(random);
        decimal? amount = type is EventType.View or EventType.Click
            ? null
            : Math.Round((decimal)((5 + (random.NextDouble() * 195)) * amountFactor), 2);
        var sessionId = "s-" + entity.ToString(CultureInfo.InvariantCulture) + "-"
            + eventTime.Hour.ToString("00", CultureInfo.InvariantCulture);
        if (IsNulled(random, nullRates, NullableColumn.Amount))
        {
            amount = null;
        }

        return new Event(
            string.Create(CultureInfo.InvariantCulture, $"ev-{day:yyyyMMdd}-{index:D8}"),
            string.Create(CultureInfo.InvariantCulture, $"e{entity:D6}"),
            eventTime,
            type,
            amount,
            IsNulled(random, nullRates, NullableColumn.SessionId) ? null : sessionId);
    }

    private static bool IsNulled(Random random, ILookup<NullableColumn, double> nullRates, NullableColumn column) =>
        nullRates[column].Any(rate => random.NextDouble() < rate);

    private static EventType NextType(Random random)
    {
        var sample = random.NextDouble();
        var index = 0;
        while (sample >= TypeShares[index] && index < TypeShares.Length - 1)
        {
            index++;
        }

        return (EventType)index;
    }

    /// <summary>One of the three ways producers break lines: cut JSON, a dropped field, a mistyped amount.</summary>
    private static string Corrupt(Random random, Event value, string text) => random.Next(3) switch
    {
        0 => text[..(text.Length / 2)],
        1 => text.Replace("\"event_type\":", "\"type\":", StringComparison.Ordinal),
        _ => EventLine.Format(value with { Amount = 1 }).Replace("\"amount\":1", "\"amount\":\"12.50\"", StringComparison.Ordinal),
    };

    private IEnumerable<GeneratorFault> FaultsOn(DateOnly day) => _options.Faults.Where(fault => fault.Day == day);
}
