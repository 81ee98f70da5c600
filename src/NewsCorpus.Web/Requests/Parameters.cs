namespace NewsCorpus.Web.Requests;

/// <summary>What each query parameter means, written once for the pages, the API, the exports and the feeds.</summary>
public static class Parameters
{
    public const string Query = "La requête, dans le langage de /search/help : mots, « expression exacte », OR, -exclure, tronc*, pays:ml, du:2023-10, au:2023-12";
    public const string Countries = "Codes pays ISO 3166-1 alpha-2, séparés par des virgules : tous doivent être cités";
    public const string From = "Premier mois, AAAA-MM";
    public const string To = "Dernier mois, AAAA-MM";
    public const string Entities = "Identifiants d’entités (slugs), séparés par des virgules : toutes doivent être nommées";
    public const string Sources = "Sources (identifiants comme le-monde, ou noms), séparées par des virgules : l’une d’elles";
    public const string Sort = "relevance (par défaut avec des mots), newest (par défaut sans mots) ou oldest";
    public const string Page = "Numéro de page, à partir de 1";
    public const string PageSize = "Résultats par page, 20 par défaut, 100 au plus";
    public const string Format = "csv ou jsonl";
    public const string Month = "Un mois, AAAA-MM";
    public const string Country = "Code pays ISO 3166-1 alpha-2, ml par exemple";
    public const string Entity = "L’identifiant de l’entité, rosatom par exemple";
    public const string ArticleId = "L’identifiant de l’article : 16 chiffres hexadécimaux";
}
