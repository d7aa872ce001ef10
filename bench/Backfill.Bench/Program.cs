using Backfill.Bench;
using Backfill.Bench.Orchestration;

// dotnet run -c Release --project bench/Backfill.Bench -- data-plane [--events-per-day N --entities N --iterations N]
// dotnet run -c Release --project bench/Backfill.Bench -- orchestration [--quick]
switch (args.FirstOrDefault())
{
    case "orchestration":
        await OrchestrationBench.RunAsync(quick: args.Contains("--quick"));
        break;
    case "data-plane":
        await DataPlaneBench.RunAsync(args[1..]);
        break;
    default:
        Console.Error.WriteLine("usage: Backfill.Bench data-plane [--events-per-day N --entities N --iterations N] | orchestration [--quick]");
        return 2;
}

return 0;
