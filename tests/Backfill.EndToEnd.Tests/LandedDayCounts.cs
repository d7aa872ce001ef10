using System.Globalization;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Backfill.EndToEnd.Tests;

/// <summary>
/// A day's late-data metrics counted straight from the landing files, without the product's reader, parser or
/// counter: each file's arrival hour is in its path, each line is parsed here, the first copy of an event sets its
/// band (lateness after the end of its event day: on time, 0–24 h, 24–48 h, 48 h or more).
/// </summary>
internal sealed record LandedDayCounts(long OnTime, long Late0To24h, long Late24To48h, long LateOver48h, long Duplicates, long Malformed)
{
    // Every line of the landing format has these, null or not.
    private static readonly string[] Fields = ["event_id", "entity_id", "event_time", "event_type", "amount", "session_id"];

    /// <summary>Every landing line with its arrival hour, read once for all days.</summary>
    public static async Task<IReadOnlyList<(DateTime ArrivalHour, string Text)>> ReadLandingAsync(BlobContainerClient container)
    {
        var lines = new List<(DateTime, string)>();
        await foreach (var blob in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, "landing/", TestContext.Current.CancellationToken))
        {
            // landing/arrival_date=YYYY-MM-DD/arrival_hour=HH/<batch>.jsonl
            var parts = blob.Name.Split('/');
            var hour = DateTime.ParseExact(parts[1]["arrival_date=".Length..] + " " + parts[2]["arrival_hour=".Length..], "yyyy-MM-dd HH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            var text = (await container.GetBlobClient(blob.Name).DownloadContentAsync(TestContext.Current.CancellationToken)).Value.Content.ToString();
            lines.AddRange(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => (hour, line)));
        }

        return lines;
    }

    /// <summary>
    /// Counts <paramref name="day"/> as a build at <paramref name="processingTime"/> sees it: lines of hours that had
    /// ended by then, landed no later than the date on which the longest lateness (<paramref name="maxLateness"/>) ends.
    /// </summary>
    public static LandedDayCounts Of(IEnumerable<(DateTime ArrivalHour, string Text)> landing, DateOnly day, DateTime processingTime, TimeSpan maxLateness)
    {
        var endOfDay = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(1);
        var lastArrivalDate = DateOnly.FromDateTime(endOfDay + maxLateness < processingTime ? endOfDay + maxLateness : processingTime);
        var first = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        long copies = 0, malformed = 0;
        foreach (var (hour, text) in landing)
        {
            if (hour.AddHours(1) > processingTime || DateOnly.FromDateTime(hour) > lastArrivalDate)
            {
                continue;
            }

            var (id, eventTime) = Parse(text);
            if (DateOnly.FromDateTime(eventTime ?? hour) != day)
            {
                continue;
            }

            if (id is null)
            {
                malformed++;
                continue;
            }

            copies++;
            first[id] = first.TryGetValue(id, out var earlier) && earlier <= hour ? earlier : hour;
        }

        var bands = first.Values.CountBy(arrival => (arrival - endOfDay) switch
        {
            var late when late < TimeSpan.Zero => 0,
            var late when late < TimeSpan.FromHours(24) => 1,
            var late when late < TimeSpan.FromHours(48) => 2,
            _ => 3,
        }).ToDictionary();
        return new LandedDayCounts(
            bands.GetValueOrDefault(0), bands.GetValueOrDefault(1), bands.GetValueOrDefault(2), bands.GetValueOrDefault(3), copies - first.Count, malformed);
    }

    // The event's id and time; a null id for a malformed line (not an object, a field missing, an amount that is not a
    // number). A malformed line keeps its time only when every field is there and the time reads; otherwise it counts
    // on the day it arrived.
    private static (string? Id, DateTime? EventTime) Parse(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return (null, null);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !Fields.All(field => root.TryGetProperty(field, out _)))
            {
                return (null, null);
            }

            DateTime? time = root.TryGetProperty("event_time", out var t) && t.ValueKind == JsonValueKind.String
                && DateTime.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : null;
            var wellFormed = time is not null
                && root.TryGetProperty("event_id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString()!.Length > 0
                && root.TryGetProperty("event_type", out var type) && type.ValueKind == JsonValueKind.String
                && (!root.TryGetProperty("amount", out var amount) || amount.ValueKind is JsonValueKind.Number or JsonValueKind.Null);
            return (wellFormed ? root.GetProperty("event_id").GetString() : null, time);
        }
    }
}
