namespace Backfill.Workflows.Api;

/// <summary>Body of <c>POST /api/seed-data</c>: sample events for event days <paramref name="From"/>..<paramref name="To"/>.</summary>
/// <param name="From">First event day.</param>
/// <param name="To">Last event day (inclusive).</param>
/// <param name="EventsPerDay">Average events per day (seasonality varies it); default 2,000.</param>
/// <param name="Entities">Distinct entities; default 500.</param>
/// <param name="Seed">The generator seed; the same seed lands the same events.</param>
public sealed record SeedBody(string? From, string? To, int? EventsPerDay, int? Entities, int? Seed);
