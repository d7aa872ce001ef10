using System.Text.Json;
using System.Text.Json.Serialization;
using Backfill.Core.Partitions;

namespace Backfill.Storage.Layout;

/// <summary>Writes a partition key as its canonical <c>YYYY-MM-DD</c> text.</summary>
internal sealed class DayJsonConverter : JsonConverter<Day>
{
    public override Day Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Day.Parse(reader.GetString() ?? throw new JsonException("A partition must be a YYYY-MM-DD string."));

    public override void Write(Utf8JsonWriter writer, Day value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
