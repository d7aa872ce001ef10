using Backfill.Core.Generation;
using Backfill.Core.Partitions;
using Backfill.Storage.Landing;
using Backfill.Workflows.Hosting;
using Backfill.Workflows.Json;
using Backfill.Workflows.Pipeline;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Backfill.Workflows.Api;

/// <summary>
/// <c>POST /api/seed-data</c>: lands deterministic sample events (late events, duplicates,
/// malformed lines included) so a fresh setup has something to backfill. Safe to repeat: a batch
/// already landed is kept, never modified. 403 unless <see cref="BackfillSettings.AllowSampleData"/>.
/// </summary>
public sealed class SeedDataHandler(LakeReady lakeReady, IOptions<BackfillSettings> settings)
{
    /// <summary>The route.</summary>
    public const string Route = "seed-data";

    /// <summary>Most days one request may seed.</summary>
    public const int MaxDays = 400;

    /// <summary>Validates the body and lands the events; 200 with what was written.</summary>
    public async Task<IResult> SeedAsync(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!settings.Value.AllowSampleData)
        {
            return Problems.Forbidden(
                "Sample data is off on this deployment (Backfill:AllowSampleData is false): it would land synthetic events in the real landing zone.");
        }

        var (body, problem) = await JsonBody.ReadAsync<SeedBody>(request).ConfigureAwait(false);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new Dictionary<string, string[]>();
        var from = Day(body!.From, "from", errors);
        var to = Day(body.To, "to", errors);
        if (from is { } f && to is { } t && (t < f || t.Date.DayNumber - f.Date.DayNumber >= MaxDays))
        {
            errors["to"] = [$"to must be on or after from, and at most {MaxDays} days from it."];
        }

        var options = new EventGeneratorOptions { EventsPerDay = body.EventsPerDay ?? 2_000, EntityCount = body.Entities ?? 500, Seed = body.Seed ?? 20250101 };
        if (options.EventsPerDay is < 1 or > 2_000_000)
        {
            errors["eventsPerDay"] = [$"eventsPerDay must be between 1 and 2000000; got {options.EventsPerDay}."];
        }

        if (options.EntityCount is < 1 or > 1_000_000)
        {
            errors["entities"] = [$"entities must be between 1 and 1000000; got {options.EntityCount}."];
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors);
        }

        var writer = new LandingWriter(await lakeReady.GetAsync().ConfigureAwait(false));
        var generator = new EventGenerator(options);
        var files = 0;
        for (var day = from!.Value; day <= to!.Value; day = day.AddDays(1))
        {
            files += await writer.WriteAsync($"seed-{options.Seed}-{day}", generator.Generate(day.Date), request.HttpContext.RequestAborted, keepExisting: true)
                .ConfigureAwait(false);
        }

        return Results.Json(new SeedResult(from.Value.ToString(), to.Value.ToString(), to.Value.Date.DayNumber - from.Value.Date.DayNumber + 1, files, options.Seed), ApiJson.Options);
    }

    private static Day? Day(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (Core.Partitions.Day.TryParse(text, out var day))
        {
            return day;
        }

        errors[field] = [text is null ? $"{field} is required (YYYY-MM-DD)." : $"{field} must be a date YYYY-MM-DD; got '{text}'."];
        return null;
    }
}
