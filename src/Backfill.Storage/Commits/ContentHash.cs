using System.Security.Cryptography;
using System.Text;

namespace Backfill.Storage.Commits;

/// <summary>The content hash of a commit: SHA-256 over its files' names and hashes, in file order.</summary>
internal static class ContentHash
{
    public static string Of(IEnumerable<CommitFile> files) =>
        "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Concat(files.Select(file => $"{file.Name}:{file.Sha256}\n")))));

    public static string OfBytes(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
