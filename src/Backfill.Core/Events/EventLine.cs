using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Backfill.Core.Events;

/// <summary>
/// The JSON Lines form of an event as producers land it:
/// <c>{"event_id":…,"entity_id":…,"event_time":"…Z","event_type":…,"amount":…|null,"session_id":…|null}</c>.
/// </summary>
public static class EventLine
{
    /// <summary>The field names, in the order <see cref="Format"/> writes them.</summary>
    public static readonly IReadOnlyList<string> FieldNames =
        ["event_id", "entity_id", "event_time", "event_type", "amount", "session_id"];

    /// <summary>The most decimal places an amount may have; amounts are stored as decimal(18, 4).</summary>
    public const int AmountScale = 4;

    private const decimal MaxAmount = 100_000_000_000_000m;
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>Writes an event as one JSON line without the newline.</summary>
    /// <param name="value">The event; its time must be UTC.</param>
    /// <returns>The JSON text.</returns>
    public static string Format(Event value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var buffer = new ArrayBufferWriter<byte>(192);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString(FieldNames[0], value.EventId);
            writer.WriteString(FieldNames[1], value.EntityId);
            writer.WriteString(FieldNames[2], value.EventTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
            writer.WriteString(FieldNames[3], EventTypeNames.ToName(value.EventType));
            if (value.Amount is { } amount)
            {
                writer.WriteNumber(FieldNames[4], amount);
            }
            else
            {
                writer.WriteNull(FieldNames[4]);
            }

            writer.WriteString(FieldNames[5], value.SessionId);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Parses one landed line; never throws on bad input, which is quarantined, not fatal.</summary>
    /// <param name="line">The line without its newline.</param>
    /// <returns>The event, or the reason the line is malformed.</returns>
    public static ParsedLine Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException ex)
        {
            return Malformed(QuarantineReason.MalformedJson, ex.Message, null);
        }

        using (document)
        {
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? ParseObject(document.RootElement)
                : Malformed(QuarantineReason.MalformedJson, "the line is not a JSON object", null);
        }
    }

    private static ParsedLine ParseObject(JsonElement root)
    {
        foreach (var name in FieldNames)
        {
            if (!root.TryGetProperty(name, out _))
            {
                return Malformed(QuarantineReason.MissingField, $"{name} is missing", null);
            }
        }

        var time = root.GetProperty("event_time");
        if (time.ValueKind != JsonValueKind.String)
        {
            return Malformed(QuarantineReason.WrongType, $"event_time is {time.ValueKind}, not a string", null);
        }

        if (!DateTime.TryParse(
                time.GetString(), CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var eventTime))
        {
            return Malformed(QuarantineReason.InvalidValue, "event_time is not an ISO 8601 time", null);
        }

        eventTime = DateTime.SpecifyKind(eventTime, DateTimeKind.Utc);
        return ParseFields(root, eventTime);
    }

    private static ParsedLine ParseFields(JsonElement root, DateTime eventTime)
    {
        var error = RequireKind(root, "event_id", eventTime, JsonValueKind.String)
            ?? RequireKind(root, "entity_id", eventTime, JsonValueKind.String)
            ?? RequireKind(root, "event_type", eventTime, JsonValueKind.String)
            ?? RequireKind(root, "amount", eventTime, JsonValueKind.Number, JsonValueKind.Null)
            ?? RequireKind(root, "session_id", eventTime, JsonValueKind.String, JsonValueKind.Null);
        if (error is not null)
        {
            return error;
        }

        var typeName = root.GetProperty("event_type").GetString();
        if (!EventTypeNames.TryParse(typeName, out var type))
        {
            return Malformed(QuarantineReason.InvalidValue, $"event_type '{typeName}' is unknown", eventTime);
        }

        var amount = root.GetProperty("amount");
        decimal? value = null;
        if (amount.ValueKind == JsonValueKind.Number)
        {
            if (!amount.TryGetDecimal(out var parsed) || Math.Abs(parsed) >= MaxAmount || parsed.Scale > AmountScale)
            {
                return Malformed(
                    QuarantineReason.InvalidValue, $"amount {amount.GetRawText()} does not fit decimal(18,{AmountScale})", eventTime);
            }

            value = parsed;
        }

        var ids = (root.GetProperty("event_id").GetString()!, root.GetProperty("entity_id").GetString()!);
        if (ids.Item1.Length == 0 || ids.Item2.Length == 0)
        {
            return Malformed(QuarantineReason.InvalidValue, "event_id and entity_id must not be empty", eventTime);
        }

        var session = root.GetProperty("session_id");
        var sessionId = session.ValueKind == JsonValueKind.String ? session.GetString() : null;
        return new ParsedLine(new Event(ids.Item1, ids.Item2, eventTime, type, value, sessionId), null, null, eventTime);
    }

    private static ParsedLine? RequireKind(JsonElement root, string name, DateTime eventTime, params ReadOnlySpan<JsonValueKind> kinds)
    {
        var kind = root.GetProperty(name).ValueKind;
        return kinds.Contains(kind)
            ? null
            : Malformed(QuarantineReason.WrongType, $"{name} is {kind}, expected {string.Join(" or ", kinds.ToArray())}", eventTime);
    }

    private static ParsedLine Malformed(QuarantineReason reason, string detail, DateTime? eventTime) =>
        new(null, reason, detail, eventTime);
}
