using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsCorpus.Countries;

/// <summary>A country or territory. <see cref="Iso2"/> is lower case ("ml") because it goes into URLs.</summary>
public sealed record Country(string Iso2, string Iso3, string Name, string OfficialName, string Region, string RegionFr, string Subregion);

/// <summary>
/// The 250 countries and territories of the embedded countries-fr.json
/// (country data from mledoze/countries, ODbL), with their French names and demonyms.
/// </summary>
public sealed class CountryCatalog
{
    static readonly Lazy<CountryCatalog> defaultCatalog = new(Load);

    public static CountryCatalog Default => defaultCatalog.Value;

    readonly Dictionary<string, Country> byIso2;

    public IReadOnlyList<Country> All { get; }

    /// <summary>Demonyms as the data spells them (masculine, feminine), keyed by lower-case ISO2. Used to generate detector forms.</summary>
    internal IReadOnlyDictionary<string, (string Masculine, string Feminine)> Demonyms { get; }

    CountryCatalog(IReadOnlyList<Country> all, IReadOnlyDictionary<string, (string, string)> demonyms)
    {
        All = all;
        Demonyms = demonyms;
        byIso2 = all.ToDictionary(c => c.Iso2, StringComparer.OrdinalIgnoreCase);
    }

    public Country? Find(string iso2) => byIso2.GetValueOrDefault(iso2);

    static CountryCatalog Load()
    {
        using var stream = typeof(CountryCatalog).Assembly.GetManifestResourceStream("countries-fr.json")
            ?? throw new InvalidOperationException("Embedded resource countries-fr.json is missing.");
        var rows = JsonSerializer.Deserialize<List<CountryRow>>(stream)
            ?? throw new InvalidOperationException("countries-fr.json is empty.");

        var countries = new List<Country>(rows.Count);
        var demonyms = new Dictionary<string, (string, string)>();
        foreach (var row in rows)
        {
            var iso2 = row.Cca2.ToLowerInvariant();
            countries.Add(new Country(iso2, row.Cca3, row.Name, row.Official, row.Region, RegionInFrench(row.Region), row.Subregion));
            demonyms[iso2] = (row.DemonymMasculine, row.DemonymFeminine);
        }
        return new CountryCatalog(countries, demonyms);
    }

    static string RegionInFrench(string region) => region switch
    {
        "Africa" => "Afrique",
        "Americas" => "Amériques",
        "Asia" => "Asie",
        "Europe" => "Europe",
        "Oceania" => "Océanie",
        "Antarctic" => "Antarctique",
        _ => region,
    };

    sealed class CountryRow
    {
        [JsonPropertyName("cca2")] public string Cca2 { get; set; } = "";
        [JsonPropertyName("cca3")] public string Cca3 { get; set; } = "";
        [JsonPropertyName("name")] public string Name { get; set; } = "";
        [JsonPropertyName("official")] public string Official { get; set; } = "";
        [JsonPropertyName("demonym_m")] public string DemonymMasculine { get; set; } = "";
        [JsonPropertyName("demonym_f")] public string DemonymFeminine { get; set; } = "";
        [JsonPropertyName("region")] public string Region { get; set; } = "";
        [JsonPropertyName("subregion")] public string Subregion { get; set; } = "";
    }
}
