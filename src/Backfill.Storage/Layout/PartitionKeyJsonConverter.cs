using System.Text.Json;
using System.Text.Json.Serialization;
using Backfill.Core.Partitions;

namespace Backfill.Storage.Layout;

/// <summary>Writes a partition key as its canonical <c>YYYY-MM-DD</c> text.</summary>
internal sealed class PartitionKeyJsonConverter : JsonConverter<PartitionKey>
{
    public override PartitionKey Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PartitionKey.Parse(reader.GetString() ?? throw new JsonException("A partition must be a YYYY-MM-DD string."));

    public override void Write(Utf8JsonWriter writer, PartitionKey value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
