using Npgsql;

namespace NewsCorpus.Tests.Support;

/// <summary>
/// The PostgreSQL server the provider tests use: a connection string in NEWSCORPUS_TEST_POSTGRES, for a role
/// that may create databases (.ci/run starts a throw-away cluster and sets it). Each fixture gets a database of
/// its own, dropped afterwards. Without the variable a developer's run skips those tests with the reason;
/// under CI (CI=true) they never skip, they fail, so a missing server cannot pass unseen.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "NEWSCORPUS_TEST_POSTGRES";

    static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    public static string? SkipReason => Server is not null || InCi ? null
        : $"PostgreSQL is not configured: set {Variable} to a connection string of a role that may create databases (.ci/run starts a server)";

    /// <summary>Creates an empty database and gives its connection string.</summary>
    public static string CreateDatabase()
    {
        var server = Server ?? throw new InvalidOperationException($"{Variable} is not set: these tests need a PostgreSQL server (.ci/run starts one)");
        var name = "newscorpus_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var connection = new NpgsqlConnection(server))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public const string StandbyVariable = "NEWSCORPUS_TEST_POSTGRES_STANDBY";

    static string? StandbyServer => Environment.GetEnvironmentVariable(StandbyVariable) is { Length: > 0 } s ? s : null;

    public static string? StandbySkipReason => (Server is not null && StandbyServer is not null) || InCi ? null
        : $"No PostgreSQL hot standby: set {Variable} to a primary and {StandbyVariable} to its streaming replica (.ci/run starts both)";

    /// <summary>The standby's connection string to the same database as <paramref name="connectionString"/> on the primary.</summary>
    public static string OnStandby(string connectionString) =>
        new NpgsqlConnectionStringBuilder(StandbyServer ?? throw new InvalidOperationException($"{StandbyVariable} is not set: this test needs a hot standby of the primary (.ci/run starts one)"))
        { Database = new NpgsqlConnectionStringBuilder(connectionString).Database }.ConnectionString;

    public static void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        cmd.ExecuteNonQuery();
    }
}
