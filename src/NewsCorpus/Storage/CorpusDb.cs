using Microsoft.EntityFrameworkCore;

namespace NewsCorpus.Storage;

public sealed class Article
{
    public long Key { get; set; }
    public string Id { get; set; } = "";
    public string FileName { get; set; } = "";
    public long? Number { get; set; }
    public string Month { get; set; } = "";
    /// <summary>The day of the month when the file gives it; null for an article dated to the month.</summary>
    public int? Day { get; set; }
    /// <summary>The outlet, when the article names one.</summary>
    public string? Source { get; set; }
    /// <summary>The article's address at its outlet.</summary>
    public string? Url { get; set; }
    public string? Author { get; set; }
    public string Title { get; set; } = "";
    public string Lead { get; set; } = "";
    public string Headings { get; set; } = "";
    public string Body { get; set; } = "";
    public int WordCount { get; set; }
    public string? Warnings { get; set; }
    /// <summary>The first article of its near-duplicate cluster; null when it has no near-duplicate.</summary>
    public long? ClusterKey { get; set; }
    public int ClusterSize { get; set; } = 1;
    public List<ArticleCountry> Countries { get; set; } = [];
    public List<ArticleEntity> Entities { get; set; } = [];
}

public sealed class ArticleCountry
{
    public string Iso2 { get; set; } = "";
    public long ArticleKey { get; set; }
    public int Mentions { get; set; }
    public bool InLead { get; set; }
    /// <summary>Mentions, and more when the lead names the country (see CountryMentions.Weight).</summary>
    public int Weight { get; set; }
    public Article Article { get; set; } = null!;
}

/// <summary>A person, organisation or place, as resolved over the whole corpus.</summary>
public sealed class NamedEntity
{
    public long Key { get; set; }
    public string Slug { get; set; } = "";
    public string Name { get; set; } = "";
    public NewsCorpus.Entities.EntityKind Kind { get; set; }
    public int Articles { get; set; }
    public int Mentions { get; set; }
}

public sealed class ArticleEntity
{
    public long EntityKey { get; set; }
    public long ArticleKey { get; set; }
    public int Mentions { get; set; }
    /// <summary>The spellings the article used, one per line.</summary>
    public string Surfaces { get; set; } = "";
    public NamedEntity Entity { get; set; } = null!;
    public Article Article { get; set; } = null!;
}

public sealed class CountryMonth
{
    public string Iso2 { get; set; } = "";
    public string Month { get; set; } = "";
    public int Articles { get; set; }
    public int Mentions { get; set; }
}

public sealed class CountryPair
{
    public string Iso2 { get; set; } = "";
    public string Other { get; set; } = "";
    public int Articles { get; set; }
}

public sealed class CountryEntity
{
    public string Iso2 { get; set; } = "";
    public long EntityKey { get; set; }
    public int Articles { get; set; }
}

public sealed class DuplicateFile
{
    public string SourcePath { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Id { get; set; } = "";
    public string OriginalId { get; set; } = "";
}

public sealed class RejectedFile
{
    public string SourcePath { get; set; } = "";
    public string FileName { get; set; } = "";
    public int Line { get; set; }
    public string Reason { get; set; } = "";
}

/// <summary>Read access to the store for pages and the API. Writing is the importer's job alone.</summary>
public sealed class CorpusDb(DbContextOptions<CorpusDb> options) : DbContext(options)
{
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleCountry> ArticleCountries => Set<ArticleCountry>();
    public DbSet<DuplicateFile> DuplicateFiles => Set<DuplicateFile>();
    public DbSet<NamedEntity> Entities => Set<NamedEntity>();
    public DbSet<CountryMonth> CountryMonths => Set<CountryMonth>();
    public DbSet<CountryPair> CountryPairs => Set<CountryPair>();
    public DbSet<CountryEntity> CountryEntities => Set<CountryEntity>();
    public DbSet<ArticleEntity> ArticleEntities => Set<ArticleEntity>();
    public DbSet<RejectedFile> RejectedFiles => Set<RejectedFile>();

    /// <summary>
    /// The store's connection for the raw SQL of search and research, opened through EF so that EF closes it
    /// when the context is disposed or goes back to its pool (a PostgreSQL connection must not stay held).
    /// </summary>
    public System.Data.Common.DbConnection OpenConnection()
    {
        Database.OpenConnection();
        return Database.GetDbConnection();
    }

    protected override void OnModelCreating(ModelBuilder model)
    {
        bool nullSortsFirst = !Database.IsNpgsql();
        model.HasDbFunction(typeof(ArticleOrder).GetMethod(nameof(ArticleOrder.SortNumber))!).HasTranslation(args => nullSortsFirst
            ? args[0]
            : new Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlFunctionExpression("COALESCE",
                [args[0], new Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlConstantExpression(-1L, args[0].TypeMapping)],
                nullable: false, argumentsPropagateNullability: [false, false], typeof(long), args[0].TypeMapping));

        model.HasDbFunction(typeof(ArticleOrder).GetMethod(nameof(ArticleOrder.SortDay))!).HasTranslation(args => nullSortsFirst
            ? args[0]
            : new Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlFunctionExpression("COALESCE",
                [args[0], new Microsoft.EntityFrameworkCore.Query.SqlExpressions.SqlConstantExpression(0, args[0].TypeMapping)],
                nullable: false, argumentsPropagateNullability: [false, false], typeof(int), args[0].TypeMapping));

        // The schema (CorpusSchema) names columns in snake_case after the properties: ArticleKey → article_key.
        // Only the names that differ are spelt out below.
        foreach (var entity in model.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                property.SetColumnName(SnakeCase(property.Name));

        model.Entity<Article>(e =>
        {
            e.ToTable("articles");
            e.HasKey(a => a.Key);
            e.Property(a => a.Key).HasColumnName("article_key");
            e.HasMany(a => a.Countries).WithOne(c => c.Article).HasForeignKey(c => c.ArticleKey);
        });
        model.Entity<ArticleCountry>(e =>
        {
            e.ToTable("article_countries");
            e.HasKey(c => new { c.Iso2, c.ArticleKey });
        });
        model.Entity<NamedEntity>(e =>
        {
            e.ToTable("entities");
            e.HasKey(x => x.Key);
            e.Property(x => x.Key).HasColumnName("entity_key");
        });
        model.Entity<ArticleEntity>(e =>
        {
            e.ToTable("article_entities");
            e.HasKey(x => new { x.EntityKey, x.ArticleKey });
            e.HasOne(x => x.Entity).WithMany().HasForeignKey(x => x.EntityKey);
            e.HasOne(x => x.Article).WithMany(a => a.Entities).HasForeignKey(x => x.ArticleKey);
        });
        model.Entity<CountryMonth>(e =>
        {
            e.ToTable("country_months");
            e.HasKey(x => new { x.Iso2, x.Month });
        });
        model.Entity<CountryPair>(e =>
        {
            e.ToTable("country_pairs");
            e.HasKey(x => new { x.Iso2, x.Other });
        });
        model.Entity<CountryEntity>(e =>
        {
            e.ToTable("country_entities");
            e.HasKey(x => new { x.Iso2, x.EntityKey });
        });
        model.Entity<DuplicateFile>(e =>
        {
            e.ToTable("duplicate_files");
            e.HasKey(d => d.SourcePath);
        });
        model.Entity<RejectedFile>(e =>
        {
            e.ToTable("rejected_files");
            e.HasKey(r => r.SourcePath);
        });
    }

    static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
