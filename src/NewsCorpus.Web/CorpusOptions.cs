using NewsCorpus.Storage;

namespace NewsCorpus.Web;

/// <summary>The `Corpus` configuration section: where the store is and which folder to import on start.</summary>
public sealed class CorpusOptions
{
    /// <summary>SQLite file; empty means data/newscorpus.db under the repository.</summary>
    public string? Database { get; set; }

    /// <summary>Folder imported on start; empty means seeds/ under the repository. "none" disables the import.</summary>
    public string? Articles { get; set; }

    /// <summary>An entity alias file applied on top of the built-in one; empty for none.</summary>
    public string? EntityAliases { get; set; }

    public string? EntityAliasesPath => string.IsNullOrWhiteSpace(EntityAliases) ? null : Path.GetFullPath(EntityAliases);

    public string DatabasePath => string.IsNullOrWhiteSpace(Database) ? CorpusPaths.DefaultDatabase : Path.GetFullPath(Database);

    public string? ArticlesPath => Articles switch
    {
        null or "" => CorpusPaths.DefaultArticles,
        "none" => null,
        var folder => Path.GetFullPath(folder),
    };
}
