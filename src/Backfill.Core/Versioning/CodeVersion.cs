using System.Reflection;

namespace Backfill.Core.Versioning;

/// <summary>
/// The build's informational version including the git sha (the SDK appends <c>+sha</c>), pinned per
/// backfill and written into lineage so every commit names the code that produced it.
/// </summary>
public sealed record CodeVersion(string Value)
{
    /// <summary>The version of the running build, read from this assembly's informational version.</summary>
    public static CodeVersion Current { get; } = new(
        typeof(CodeVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown");

    /// <inheritdoc />
    public override string ToString() => Value;
}
