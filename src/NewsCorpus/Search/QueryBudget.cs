using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace NewsCorpus.Search;

/// <summary>
/// Bounds the work one search may do on SQLite: SQLite calls back every few thousand virtual-machine steps and the
/// statement is interrupted once the budget is spent, so no query can hold a core for seconds.
/// </summary>
public sealed class QueryBudget : IDisposable
{
    const int StepsBetweenChecks = 4_000;
    readonly SqliteConnection connection;
    readonly Stopwatch clock = Stopwatch.StartNew();
    readonly TimeSpan limit;

    public QueryBudget(SqliteConnection connection, TimeSpan limit)
    {
        this.connection = connection;
        this.limit = limit;
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, StepsBetweenChecks, _ => clock.Elapsed > limit ? 1 : 0, null);
    }

    public bool Exhausted => clock.Elapsed > limit;

    /// <summary>True when <paramref name="e"/> is the database giving up because a search's budget ran out.</summary>
    public static bool IsInterruption(Exception e) => e switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT,
        ExhaustedException => true,
        // PostgreSQL: the server cancelled the statement, or Npgsql's command timeout fired (it cancels it too).
        Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.QueryCanceled,
        Npgsql.NpgsqlException { InnerException: TimeoutException } => true,
        _ => false,
    };

    /// <summary>A search that is not a SQLite statement (the full-text index's) giving up once its budget is spent.</summary>
    public sealed class ExhaustedException() : Exception("The search ran out of time.");

    /// <summary>The budget of a search's loops over the full-text index: <see cref="Tick"/> on each match.</summary>
    internal sealed class Clock(TimeSpan limit)
    {
        const int TicksBetweenChecks = 4_096;
        readonly Stopwatch clock = Stopwatch.StartNew();
        int sinceCheck;

        /// <summary>Throws <see cref="ExhaustedException"/> once the budget is spent (on the first tick, then every few thousand).</summary>
        public void Tick()
        {
            // Ticked from several threads at once (SearchThreads), the count may pass below zero: it checks then too.
            if (sinceCheck-- > 0) return;
            sinceCheck = TicksBetweenChecks;
            Check();
        }

        /// <summary>Throws <see cref="ExhaustedException"/> if the budget is spent.</summary>
        public void Check()
        {
            if (clock.Elapsed > limit) throw new ExhaustedException();
        }
    }

    // Connections are pooled: the handler must not outlive this search.
    public void Dispose() => SQLitePCL.raw.sqlite3_progress_handler(connection.Handle, 0, null, null);
}
