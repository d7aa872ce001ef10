namespace Backfill.Functions.Tests;

/// <summary>A name on the public surface (a route segment, a CLI command or option), as the glossary lists it.</summary>
/// <param name="Term">The glossary term it stands for.</param>
/// <param name="Deprecated">Kept for one release only, so it may be a word the glossary avoids.</param>
internal sealed record GlossaryName(string Term, bool Deprecated);
