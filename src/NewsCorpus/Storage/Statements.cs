using Microsoft.Data.Sqlite;

namespace NewsCorpus.Storage;

/// <summary>
/// The import's SQL statements, each prepared once and run with new values for every file: preparing a
/// statement costs more than running it, and an import runs the same few statements millions of times.
/// </summary>
internal sealed class Statements(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
{
    readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    /// <summary>The statement for <paramref name="sql"/> with these values bound; it stays owned by this cache (do not dispose it).</summary>
    public SqliteCommand Get(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            prepared[sql] = command;
        }
        if (SameNames(command.Parameters, parameters))
            for (int i = 0; i < parameters.Length; i++) command.Parameters[i].Value = parameters[i].Value ?? DBNull.Value;
        else
        {
            command.Parameters.Clear();
            foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    // A statement is nearly always run with the same parameters as last time: their values are then replaced in place.
    static bool SameNames(SqliteParameterCollection bound, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (bound.Count != parameters.Length) return false;
        for (int i = 0; i < parameters.Length; i++)
            if (!string.Equals(bound[i].ParameterName, parameters[i].Name, StringComparison.Ordinal)) return false;
        return true;
    }

    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) => Get(sql, parameters).ExecuteNonQuery();

    public object? Scalar(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) => Get(sql, parameters).ExecuteScalar();

    public void Dispose()
    {
        foreach (var command in prepared.Values) command.Dispose();
        prepared.Clear();
    }
}
