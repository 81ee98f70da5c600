using Microsoft.EntityFrameworkCore;
using NewsCorpus.Storage;

namespace NewsCorpus.Tests.Storage;

public class ArticleOrderTests
{
    static CorpusDb Sqlite() => new(new DbContextOptionsBuilder<CorpusDb>().UseSqlite("Data Source=:memory:").Options);
    static CorpusDb Postgres() => new(new DbContextOptionsBuilder<CorpusDb>().UseNpgsql("Host=localhost;Database=unused").Options);

    [Fact]
    public void On_sqlite_the_order_is_the_month_index_s_own_so_a_newest_page_reads_only_what_it_shows()
    {
        using var db = Sqlite();
        var sql = db.Articles.NewestFirst().Take(5).ToQueryString();
        Assert.Contains("ORDER BY \"a\".\"month\" DESC, \"a\".\"day\" DESC, \"a\".\"number\" DESC, \"a\".\"id\"", sql);
    }

    [Fact]
    public void On_postgres_articles_without_a_number_are_put_first_going_up_explicitly()
    {
        using var db = Postgres();
        var sql = db.ArticleCountries.Where(c => c.Iso2 == "ml").OldestFirst(c => c.Article).ToQueryString();
        Assert.Contains("ORDER BY a0.month, COALESCE(a0.day, 0), COALESCE(a0.number, -1), a0.id", sql);
    }

    [Theory]
    [InlineData(null, -1L)]
    [InlineData(0L, 0L)]
    [InlineData(42L, 42L)]
    public void Outside_a_query_the_sort_number_is_computed_the_same_way(long? number, long expected) =>
        Assert.Equal(expected, ArticleOrder.SortNumber(number));

    [Theory]
    [InlineData(null, 0)]
    [InlineData(1, 1)]
    [InlineData(31, 31)]
    public void An_article_dated_to_the_month_sorts_before_the_first_of_its_month(int? day, int expected) =>
        Assert.Equal(expected, ArticleOrder.SortDay(day));
}
