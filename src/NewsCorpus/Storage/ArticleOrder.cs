using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;

namespace NewsCorpus.Storage;

/// <summary>
/// The one order of articles, for every list, previous / next, the exports, the API and both stores' searches.
/// Oldest first is the reading order: month, then the day (articles dated to the month only before the days of
/// their month), then the file's running number, articles without a number before the numbered ones, then id. Newest first reverses the months and numbers but keeps ids ascending among
/// articles of the same month and number, as the search's columns do.
/// </summary>
public static class ArticleOrder
{
    /// <summary>
    /// The running number as sorted: no number sorts before 0 (numbers are never negative). In queries CorpusDb
    /// translates it for each store: the bare column on SQLite, which sorts NULL first already (so the month index
    /// still gives the order and a newest-first page reads only what it shows), COALESCE(number, -1) on PostgreSQL,
    /// which sorts NULL last.
    /// </summary>
    public static long? SortNumber(long? number) => number ?? -1;

    /// <summary>The day as sorted: no day (an article dated to the month) sorts before the 1st; translated as <see cref="SortNumber"/> is.</summary>
    public static int? SortDay(int? day) => day ?? 0;

    static readonly Expression<Func<Article, long?>> NumberKey = a => SortNumber(a.Number);
    static readonly Expression<Func<Article, int?>> DayKey = a => SortDay(a.Day);

    /// <summary>The same orders in SQL, for SQLite and PostgreSQL alike, on a row source with month, day, number and id.</summary>
    public const string OldestSql = "month, day NULLS FIRST, number NULLS FIRST, id";
    public const string NewestSql = "month DESC, day DESC NULLS LAST, number DESC NULLS LAST, id";

    public static IOrderedQueryable<Article> OldestFirst(this IQueryable<Article> articles) => articles.OldestFirst(a => a);
    public static IOrderedQueryable<Article> NewestFirst(this IQueryable<Article> articles) => articles.NewestFirst(a => a);

    /// <summary>Rows that belong to an article (a mention, a country), in their article's order.</summary>
    public static IOrderedQueryable<T> OldestFirst<T>(this IQueryable<T> rows, Expression<Func<T, Article>> article) =>
        rows.OrderBy(On(article, a => a.Month)).ThenBy(On(article, DayKey)).ThenBy(On(article, NumberKey)).ThenBy(On(article, a => a.Id));

    public static IOrderedQueryable<T> NewestFirst<T>(this IQueryable<T> rows, Expression<Func<T, Article>> article) =>
        rows.OrderByDescending(On(article, a => a.Month)).ThenByDescending(On(article, DayKey)).ThenByDescending(On(article, NumberKey)).ThenBy(On(article, a => a.Id));

    /// <summary>The articles before <paramref name="current"/> in reading order, nearest first.</summary>
    public static IQueryable<Article> Before(this IQueryable<Article> articles, Article current)
    {
        var (month, day, number, id) = (current.Month, current.Day ?? 0, current.Number ?? -1, current.Id);
        return articles
            .Where(a => string.Compare(a.Month, month) < 0
                || (a.Month == month && (a.Day ?? 0) < day)
                || (a.Month == month && (a.Day ?? 0) == day && (a.Number ?? -1) < number)
                || (a.Month == month && (a.Day ?? 0) == day && (a.Number ?? -1) == number && string.Compare(a.Id, id) < 0))
            .OrderByDescending(a => a.Month).ThenByDescending(DayKey).ThenByDescending(NumberKey).ThenByDescending(a => a.Id);
    }

    /// <summary>The articles after <paramref name="current"/> in reading order, nearest first.</summary>
    public static IQueryable<Article> After(this IQueryable<Article> articles, Article current)
    {
        var (month, day, number, id) = (current.Month, current.Day ?? 0, current.Number ?? -1, current.Id);
        return articles
            .Where(a => string.Compare(a.Month, month) > 0
                || (a.Month == month && (a.Day ?? 0) > day)
                || (a.Month == month && (a.Day ?? 0) == day && (a.Number ?? -1) > number)
                || (a.Month == month && (a.Day ?? 0) == day && (a.Number ?? -1) == number && string.Compare(a.Id, id) > 0))
            .OrderBy(a => a.Month).ThenBy(DayKey).ThenBy(NumberKey).ThenBy(a => a.Id);
    }

    static Expression<Func<T, TKey>> On<T, TKey>(Expression<Func<T, Article>> article, Expression<Func<Article, TKey>> key) =>
        Expression.Lambda<Func<T, TKey>>(ReplacingExpressionVisitor.Replace(key.Parameters[0], article.Body, key.Body), article.Parameters);
}
