using System.Text;
using Backfill.Core.Landing;
using Backfill.Storage.Landing;
using Backfill.Storage.Layout;

namespace Backfill.Storage.Tests.Landing;

/// <summary>A landing file cut into byte pieces gives, piece after piece, exactly the file's text split into lines.</summary>
public sealed class LandingPieceReaderTests
{
    private static readonly string Name = LakePaths.LandingFile(new DateTime(2025, 5, 2, 7, 0, 0, DateTimeKind.Utc), "batch");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Contents() => new()
    {
        "{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n",
        "no newline at the end\nsecond",
        "\n\n\nempty lines first\n\n\nand between\n\n",
        "\uFEFFbom, then crlf\r\n\u00e9t\u00e9 \u6771\u4eac \U0001F600\r\n\r\nlast\r\n",
        "x",
        "\n",
    };

    [Theory]
    [MemberData(nameof(Contents))]
    public async Task ReadAsync_EveryCut_GivesTheWholeReadsLinesInOrderOnce(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var arrival = LakePaths.LandingHour(Name);
        var whole = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((line, index) => new LandedLine(arrival, Name, index + 1, line)).ToList();

        for (var pieces = 1; pieces <= bytes.Length; pieces++)
        {
            var read = new List<LandedLine>();
            for (var piece = 0; piece < pieces; piece++)
            {
                var (start, end) = MapGroups.PieceRange(bytes.Length, pieces, piece);
                var origin = (int)LandingPieceReader.OriginOf(start);
                using var stream = new MemoryStream(bytes, origin, bytes.Length - origin);
                var lines = await LandingPieceReader.ReadAsync(stream, Name, start, end, Ct);

                Assert.Equal(Enumerable.Range(1, lines.Count), lines.Select(line => line.LineNumber));
                var before = read.Count;
                read.AddRange(lines.Select(line => line with { LineNumber = line.LineNumber + before }));
            }

            Assert.Equal(whole, read);
        }
    }

    [Fact]
    public async Task ReadAsync_APieceOfALargeFile_ReadsItsBytesAndOnlyTheRestOfItsLastLine()
    {
        var line = new string('x', 99) + "\n";
        var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, 20_000)));
        var (start, end) = MapGroups.PieceRange(bytes.Length, 4, 1);
        using var stream = new CountingStream(new MemoryStream(bytes, (int)start - 1, bytes.Length - (int)start + 1));

        var lines = await LandingPieceReader.ReadAsync(stream, Name, start, end, Ct);

        // 500,000 bytes per piece: lines 5,001 to 10,000 start in piece 1, and the read stops within a buffer of its end.
        Assert.Equal(5_000, lines.Count);
        Assert.InRange(stream.BytesRead, end - start, end - start + (64 << 10) + 1);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            BytesRead += read;
            return read;
        }

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
