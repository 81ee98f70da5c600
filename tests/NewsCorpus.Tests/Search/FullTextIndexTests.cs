using NewsCorpus.Generation;
using NewsCorpus.Search;
using NewsCorpus.Storage;
using NewsCorpus.Tests.Support;

namespace NewsCorpus.Tests.Search;

/// <summary>The full-text index beside the SQLite store: derived data, rebuilt when it is missing, read at the commit the store names.</summary>
public sealed class FullTextIndexTests : IDisposable
{
    readonly TestCorpus corpus = new();

    public FullTextIndexTests()
    {
        new CorpusGenerator(seed: 11).WriteTo(corpus.Articles, 120);
        corpus.Import();
    }

    public void Dispose() => corpus.Dispose();

    static SearchResults Search(TestCorpus corpus, string query)
    {
        using var connection = corpus.Open();
        return CorpusSearch.For(connection).Search(SearchRequest.FromForm(query, null, null, null, null));
    }

    [Fact]
    public void A_deleted_index_is_built_again_from_the_store_with_the_same_matches()
    {
        var before = Search(corpus, "Russie militaire");
        Assert.True(before.Total > 10);
        int articles = corpus.Scalar<int>("SELECT count(*) FROM articles");

        // As an index lost or left behind by another version would be: the next search finds no commit for the store.
        Directory.Delete(FullTextIndex.FolderOf(corpus.Database), recursive: true);
        corpus.Write("zz_deleted_index.txt", "date 2025-03\n\n# Un mot nouveau\n\nLe Zyxwvutsien arrive à Bamako.");   // not imported: the rebuild reads the store, not the folder

        var after = Search(corpus, "Russie militaire");
        Assert.Equal(before.Total, after.Total);
        Assert.Equal(before.Hits.Select(h => h.Id), after.Hits.Select(h => h.Id));
        Assert.Equal(articles, corpus.Indexed());
        Assert.Equal(0, Search(corpus, "Zyxwvutsien").Total);

        // The next import starts from the rebuilt index.
        corpus.Import();
        Assert.Equal(1, Search(corpus, "Zyxwvutsien").Total);
        Assert.Equal(articles + 1, corpus.Indexed());
    }

    [Fact]
    public async Task Searches_running_while_an_import_lands_all_answer_and_then_see_it()
    {
        int before = Search(corpus, "Russie OR Mali OR Burkina").Total;
        var more = Path.Combine(corpus.Root, "more");
        new CorpusGenerator(seed: 12).WriteTo(more, 60);
        foreach (var file in Directory.GetFiles(more)) File.Move(file, Path.Combine(corpus.Articles, "more_" + Path.GetFileName(file)));
        var errors = new System.Collections.Concurrent.ConcurrentBag<Exception>();
        var totals = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();
        var searchers = Enumerable.Range(0, 3).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
                try { totals.Add(Search(corpus, "Russie OR Mali OR Burkina").Total); }
                catch (Exception e) { errors.Add(e); }
        })).ToList();
        var report = corpus.Import();
        await Task.Delay(200);
        stop.Cancel();
        await Task.WhenAll(searchers);

        Assert.Empty(errors);
        Assert.True(report.Imported > 0);
        int after = Search(corpus, "Russie OR Mali OR Burkina").Total;
        Assert.True(after > before, $"{before} → {after}");
        // Every answer is one corpus or the other, never a mix.
        Assert.All(totals, t => Assert.True(t == before || t == after, $"{t} is neither {before} nor {after}"));
    }

    [Fact]
    public void Searching_maps_none_of_the_index_files_into_the_process()
    {
        // Linux says what a process maps; elsewhere there is nothing to read.
        if (!File.Exists("/proc/self/maps")) return;
        Assert.True(Search(corpus, "Russie militaire").Total > 0);
        Assert.True(Search(corpus, "\"Burkina Faso\" -Wagner").Total > 0);

        // Mapped, every page of the index a search had read counted in the site's working set (274 MB at a million articles).
        var folder = FullTextIndex.FolderOf(corpus.Database);
        var mapped = File.ReadLines("/proc/self/maps").Where(line => line.Contains(folder, StringComparison.Ordinal)).ToList();
        Assert.Empty(mapped);
    }
}
