using System.Globalization;
using Backfill.Core.Partitions;
using DuckDB.NET.Data;

namespace Backfill.Bench;

/// <summary>The naive design: DuckDB recomputes features_v1(D) from the seven days of staged events.</summary>
internal static class DuckDbFeatures
{
    public static string Compute(IReadOnlyList<StagedDay> window, Day day, string output)
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        using (var threads = connection.CreateCommand())
        {
            threads.CommandText = "SET threads = 2";
            threads.ExecuteNonQuery();
        }

        var files = string.Join(", ", window.Select(staged => $"'{staged.EventsPath}'"));
        var last = day.Date.DayNumber - new DateOnly(1970, 1, 1).DayNumber;

        // Days bucketed on epoch_us so the session time zone cannot move events between days.
        var sql = string.Create(CultureInfo.InvariantCulture, $"""
            COPY (
              WITH ev AS (
                SELECT entity_id, event_type, amount, epoch_us(event_time) // 86400000000 AS day_no
                FROM read_parquet([{files}])
              ), w AS (SELECT * FROM ev WHERE day_no BETWEEN {last - 6} AND {last})
              SELECT entity_id,
                count(*) FILTER (WHERE day_no = {last}) AS events_1d,
                count(*) FILTER (WHERE day_no = {last} AND event_type = 3) AS purchases_1d,
                coalesce(sum(amount) FILTER (WHERE day_no = {last} AND event_type IN (3, 4)), 0) AS amount_1d,
                count(*) AS events_7d,
                count(*) FILTER (WHERE event_type = 3) AS purchases_7d,
                coalesce(sum(amount) FILTER (WHERE event_type IN (3, 4)), 0) AS amount_7d,
                count(DISTINCT event_type) AS distinct_event_types_7d,
                count(DISTINCT day_no) AS days_active_7d
              FROM w GROUP BY entity_id ORDER BY entity_id
            ) TO '{output}' (FORMAT parquet)
            """);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = command.ExecuteNonQuery();
        return string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows");
    }
}
