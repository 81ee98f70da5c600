using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsCorpus.Generation;
using NewsCorpus.Storage;
using NewsCorpus.Storage.Postgres;
using NewsCorpus.Tests.Support;
using Npgsql;

namespace NewsCorpus.Tests.Pages;

/// <summary>
/// The README's server layout for real: the importer publishes to the primary, the site is configured on a hot
/// standby of it (streaming replication, started by .ci/run) and shows what the primary got once it is replayed.
/// </summary>
public sealed class PostgresReplicaTests : IDisposable
{
    readonly TestCorpus corpus = new();
    string? primary;

    string Primary => primary ??= PostgresServer.CreateDatabase();

    const string NewArticle = "00000000000000f1";

    [PostgresStandbyFact]
    public async Task A_site_on_the_standby_shows_an_import_into_the_primary_once_it_is_replayed()
    {
        new CorpusGenerator(seed: 41).WriteTo(corpus.Articles, 200);
        corpus.Import();
        new PostgresPublisher(Primary) { UseRum = true }.Publish(corpus.Database);
        WaitForReplay();

        // As the README tells a team: the site never imports and reads the replica's connection string.
        var standby = PostgresServer.OnStandby(Primary);
        using var site = new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("Corpus:Provider", "Postgres").UseSetting("Corpus:Articles", "none")
            .UseSetting("Corpus:Database", corpus.Database).UseSetting("ConnectionStrings:Corpus", standby)
            .UseSetting("Corpus:ChangeCheckSeconds", "1"));
        using (var scope = site.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CorpusDb>();
            Assert.True(db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").AsEnumerable().Single(), "the site reads the primary, not the standby");
        }
        var client = site.CreateClient();
        Assert.True(await Total(client, "Russie") > 0);
        Assert.Equal(0, await Total(client, "hydrolienne"));

        // Enough new articles that a search index written row by row would split pages: the standby must replay
        // the publication whatever its indexes do (rum 1.3.13's page splits cannot be replayed, see PostgresSchema).
        var more = Path.Combine(corpus.Root, "more");
        new CorpusGenerator(seed: 42).WriteTo(more, 200);
        foreach (var file in Directory.GetFiles(more)) File.Move(file, Path.Combine(corpus.Articles, "more-" + Path.GetFileName(file)));
        corpus.Write($"050_{NewArticle}.txt", "date 2024-03-02\ntitle: Une hydrolienne au large de Dakar\n\nUne hydrolienne produit de l'électricité au large de Dakar.");
        corpus.Import();
        new PostgresPublisher(Primary) { UseRum = true }.Publish(corpus.Database);
        WaitForReplay();

        // Replayed: the site sees the new import stamp within its check interval and drops its cached pages.
        var clock = Stopwatch.StartNew();
        while (await Total(client, "hydrolienne") != 1)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "the replayed article did not reach the site within 30 s");
            await Task.Delay(100);
        }
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/api/articles/{NewArticle}")).StatusCode);
    }

    static async Task<int> Total(HttpClient client, string query)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync($"/api/search?q={Uri.EscapeDataString(query)}"));
        return json.RootElement.GetProperty("total").GetInt32();
    }

    /// <summary>Waits, up to 30 s, until the standby has replayed everything the primary has written so far.</summary>
    void WaitForReplay()
    {
        string written;
        using (var connection = new NpgsqlConnection(Primary))
        {
            connection.Open();
            using var cmd = new NpgsqlCommand("SELECT pg_current_wal_lsn()::text", connection);
            written = (string)cmd.ExecuteScalar()!;
        }
        // The server's own database: the test's database may not exist on the standby yet.
        var standbyServer = new NpgsqlConnectionStringBuilder(PostgresServer.OnStandby(Primary)) { Database = "postgres" }.ConnectionString;
        using var standby = new NpgsqlConnection(standbyServer);
        standby.Open();
        using var replayed = new NpgsqlCommand("SELECT coalesce(pg_last_wal_replay_lsn() >= @lsn::pg_lsn, false)", standby);
        replayed.Parameters.AddWithValue("lsn", written);
        var clock = Stopwatch.StartNew();
        while (!(bool)replayed.ExecuteScalar()!)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"the standby did not replay up to {written} within 30 s");
            Thread.Sleep(20);
        }
    }

    public void Dispose()
    {
        corpus.Dispose();
        if (primary is not null) PostgresServer.DropDatabase(primary);
    }
}
