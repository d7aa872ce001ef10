namespace Backfill.Core.Landing;

/// <summary>Where a landing file's map steps are (<see cref="MapGroups.Assign"/>).</summary>
/// <param name="Group">The map group of its first piece.</param>
/// <param name="Pieces">How many pieces it is cut into, one group each; 1 for a file no larger than the bound.</param>
public readonly record struct MapPlacement(int Group, int Pieces);
