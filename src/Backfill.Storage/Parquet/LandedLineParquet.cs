using Backfill.Core.Landing;
using Parquet.Schema;

namespace Backfill.Storage.Parquet;

/// <summary>
/// A landing file's lines of one bucket, as the raw map step writes them: each line's number and text, so the
/// bucket's raw build parses and quarantines them exactly as it would the landing file.
/// </summary>
internal static class LandedLineParquet
{
    private static readonly DataField<int> LineNumber = new("line_number", false);
    private static readonly DataField<string> Text = ParquetFiles.Text("text");
    private static readonly ParquetSchema Schema = new(LineNumber, Text);

    public static async Task<ReadOnlyMemory<byte>> WriteAsync(IReadOnlyList<LandedLine> lines, CancellationToken cancellationToken) =>
        await ParquetFiles.WriteAsync(Schema, lines.Count, async (group, start, count) =>
        {
            var slice = lines.Skip(start).Take(count).ToArray();
            await group.WriteAsync<int>(LineNumber, slice.Select(line => line.LineNumber).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(Text, slice.Select(line => line.Text).ToArray()).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the lines back as lines of <paramref name="source"/>, which arrived in the hour <paramref name="arrivalTime"/>.</summary>
    public static async Task<List<LandedLine>> ReadAsync(Stream input, string source, DateTime arrivalTime, CancellationToken cancellationToken)
    {
        var lines = new List<LandedLine>();
        await ParquetFiles.ReadAsync(input, async (group, count) =>
        {
            var (numbers, texts) = (new int[count], new string[count]);
            await group.ReadAsync<int>(LineNumber, numbers, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync(Text, texts, cancellationToken: cancellationToken).ConfigureAwait(false);
            lines.AddRange(numbers.Zip(texts, (number, text) => new LandedLine(arrivalTime, source, number, text)));
        }, cancellationToken).ConfigureAwait(false);
        return lines;
    }
}
