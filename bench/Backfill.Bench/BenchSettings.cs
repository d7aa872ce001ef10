using System.Globalization;

namespace Backfill.Bench;

/// <summary>What to generate and how often to repeat each measurement.</summary>
internal sealed record BenchSettings(int EventsPerDay, int Entities, int Iterations)
{
    public static BenchSettings Parse(string[] args) => Parse(args, new BenchSettings(1_000_000, 200_000, 3));

    public static BenchSettings Parse(string[] args, BenchSettings defaults)
    {
        var settings = defaults;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--events-per-day" => settings with { EventsPerDay = value },
                "--entities" => settings with { Entities = value },
                "--iterations" => settings with { Iterations = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --events-per-day, --entities, --iterations."),
            };
        }

        return settings;
    }
}
