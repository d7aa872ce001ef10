using Backfill.Core.Landing;
using Backfill.Storage.Layout;
using Parquet.Schema;

namespace Backfill.Storage.Parquet;

/// <summary>
/// A map group's lines of one bucket, as the raw map step writes them: each line's landing file, number and text, so
/// the bucket's raw build parses and quarantines them exactly as it would the landing files.
/// </summary>
internal static class LandedLineParquet
{
    private static readonly DataField<string> Source = ParquetFiles.Text("source");
    private static readonly DataField<int> LineNumber = new("line_number", false);
    private static readonly DataField<string> Text = ParquetFiles.Text("text");
    private static readonly ParquetSchema Schema = new(Source, LineNumber, Text);

    public static async Task<ReadOnlyMemory<byte>> WriteAsync(IReadOnlyList<LandedLine> lines, CancellationToken cancellationToken) =>
        await ParquetFiles.WriteAsync(Schema, lines.Count, async (group, start, count) =>
        {
            var slice = lines.Skip(start).Take(count).ToArray();
            await group.WriteAsync(Source, slice.Select(line => line.Source).ToArray()).ConfigureAwait(false);
            await group.WriteAsync<int>(LineNumber, slice.Select(line => line.LineNumber).ToArray(), cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.WriteAsync(Text, slice.Select(line => line.Text).ToArray()).ConfigureAwait(false);
        }, cancellationToken).ConfigureAwait(false);

    /// <summary>Reads the lines back, each arrived in its landing file's hour.</summary>
    public static async Task<List<LandedLine>> ReadAsync(Stream input, CancellationToken cancellationToken)
    {
        var lines = new List<LandedLine>();
        var hours = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        await ParquetFiles.ReadAsync(input, async (group, count) =>
        {
            var (sources, numbers, texts) = (new string[count], new int[count], new string[count]);
            await group.ReadAsync(Source, sources, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync<int>(LineNumber, numbers, cancellationToken: cancellationToken).ConfigureAwait(false);
            await group.ReadAsync(Text, texts, cancellationToken: cancellationToken).ConfigureAwait(false);
            lines.AddRange(Enumerable.Range(0, count).Select(i => new LandedLine(HourOf(sources[i]), sources[i], numbers[i], texts[i])));
        }, cancellationToken).ConfigureAwait(false);
        return lines;

        // A group has a few files and many lines each: each file's folders are parsed once.
        DateTime HourOf(string source)
        {
            if (!hours.TryGetValue(source, out var hour))
            {
                hours[source] = hour = LakePaths.LandingHour(source);
            }

            return hour;
        }
    }
}
