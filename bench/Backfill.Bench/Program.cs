using Backfill.Bench;
using Backfill.Bench.Orchestration;

// dotnet run -c Release --project bench/Backfill.Bench -- data-plane [--events-per-day N --entities N --iterations N]
// dotnet run -c Release --project bench/Backfill.Bench -- orchestration [--quick] [--buckets B] [--days N --generations G] [--max-parallel P]
// dotnet run -c Release --project bench/Backfill.Bench -- daily-versions [--events-per-day N --entities N --iterations N]
// dotnet run -c Release --project bench/Backfill.Bench -- telemetry [--iterations N]
// dotnet run -c Release --project bench/Backfill.Bench -- buckets [--events-per-day N --entities N --iterations N --buckets B]
// dotnet run -c Release --project bench/Backfill.Bench -- staging-buckets [--events-per-day N --entities N --iterations N --buckets B]
switch (args.FirstOrDefault())
{
    case "orchestration":
        await OrchestrationBench.RunAsync(
            quick: args.Contains("--quick"), buckets: Option("--buckets") ?? 1, days: Option("--days"), generations: Option("--generations"),
            maxParallel: Option("--max-parallel"));
        break;
    case "data-plane":
        await DataPlaneBench.RunAsync(args[1..]);
        break;
    case "daily-versions":
        await DailyVersionsBench.RunAsync(args[1..]);
        break;
    case "telemetry":
        await TelemetryBench.RunAsync(args[1..]);
        break;
    case "buckets":
        await BucketBench.RunAsync(args[1..]);
        break;
    case "staging-buckets":
        await StagingBucketsBench.RunAsync(args[1..]);
        break;
    default:
        Console.Error.WriteLine("usage: Backfill.Bench data-plane [--events-per-day N --entities N --iterations N] | orchestration [--quick] [--buckets B] [--days N --generations G] [--max-parallel P] | daily-versions [--events-per-day N --entities N --iterations N] | telemetry [--iterations N] | buckets [--events-per-day N --entities N --iterations N --buckets B] | staging-buckets [--events-per-day N --entities N --iterations N --buckets B]");
        return 2;
}

return 0;

int? Option(string name) =>
    Array.IndexOf(args, name) is > 0 and var at ? int.Parse(args[at + 1], System.Globalization.CultureInfo.InvariantCulture) : null;
