using NewsCorpus.Countries;

namespace NewsCorpus.Web.Pages.Shared;

public static class CountryNames
{
    public static string Name(string iso2) => CountryCatalog.Default.Find(iso2)?.Name ?? iso2.ToUpperInvariant();
}
