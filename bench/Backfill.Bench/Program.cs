using Backfill.Bench;
using Backfill.Bench.Orchestration;

// dotnet run -c Release --project bench/Backfill.Bench -- data-plane [--events-per-day N --entities N --iterations N]
// dotnet run -c Release --project bench/Backfill.Bench -- orchestration [--quick] [--buckets B]
// dotnet run -c Release --project bench/Backfill.Bench -- daily-versions [--events-per-day N --entities N --iterations N]
// dotnet run -c Release --project bench/Backfill.Bench -- telemetry [--iterations N]
// dotnet run -c Release --project bench/Backfill.Bench -- buckets [--events-per-day N --entities N --iterations N --buckets B]
switch (args.FirstOrDefault())
{
    case "orchestration":
        var bucketsAt = Array.IndexOf(args, "--buckets");
        await OrchestrationBench.RunAsync(
            quick: args.Contains("--quick"), buckets: bucketsAt > 0 ? int.Parse(args[bucketsAt + 1], System.Globalization.CultureInfo.InvariantCulture) : 1);
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
    default:
        Console.Error.WriteLine("usage: Backfill.Bench data-plane [--events-per-day N --entities N --iterations N] | orchestration [--quick] [--buckets B] | daily-versions [--events-per-day N --entities N --iterations N] | telemetry [--iterations N] | buckets [--events-per-day N --entities N --iterations N --buckets B]");
        return 2;
}

return 0;
