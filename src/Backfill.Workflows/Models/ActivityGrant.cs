namespace Backfill.Workflows.Models;

/// <summary>The activity budget's answer to a backfill: its slots, and the figures that explain them.</summary>
/// <param name="Granted">Work items the backfill may have in flight at once.</param>
/// <param name="Budget">The global activity budget.</param>
/// <param name="Reserved">The slots reserved for the daily run.</param>
/// <param name="GrantedToOthers">Slots held by other backfills when this grant was made.</param>
public sealed record ActivityGrant(int Granted, int Budget, int Reserved, int GrantedToOthers);
