using System.Data.Common;
using NewsCorpus.Analysis;
using NewsCorpus.Storage;

namespace NewsCorpus.Research;

/// <summary>
/// How much of its vocabulary an article shares with another, weighted by how informative each word is: the cosine
/// of their tf·idf vectors. A word counts by (1 + ln uses) × ln(1 + articles / articles using it), one and a half
/// times for a name (people, places, organisations say what a story is about more than most common words; twice
/// let a shared country outweigh the subject: two stories from Cairo are not one topic). A word is its stem, all its
/// forms together. Words only one article of the corpus uses (they match nothing), words in too many articles, stop
/// words and numbers do not count, and two texts need <see cref="MinimumSharedTerms"/> words in common that one of
/// them uses more than once.
/// </summary>
internal static class TermVectors
{
    /// <summary>A name (a capitalised word the analyzer reads as one) weighs this many times a common word.</summary>
    const double NameWeight = 1.5;

    // The analyzer marks a name's stem with a character no common word's stem has (see AnalyzedWord.NameStem).
    static readonly string NameMark = AnalyzedWord.NameStem("");

    /// <summary>What a text's words weigh before their idf, by stem: uses, whether it is a name, and the form the text uses most.</summary>
    public sealed record Term(string Form, int Uses, bool IsName);

    /// <summary>The text's counted words by stem (a stem's forms together), each with its form used most.</summary>
    public static Dictionary<string, Term> Terms(string text)
    {
        var forms = new Dictionary<string, (string Stem, bool IsName, int Uses)>(StringComparer.Ordinal);
        foreach (var (_, word) in FrenchAnalyzer.AnalyzeText(text))
        {
            bool isName = word.Stem.EndsWith(NameMark, StringComparison.Ordinal);
            // Short common words are grammar or noise; short names are acronyms (UE, PSA, BEA) and count.
            if (word.IsStopWord || word.Exact.Length < (isName ? 2 : 4) || word.Exact.All(char.IsDigit)) continue;
            var seen = forms.GetValueOrDefault(word.Form, (Stem: word.Stem, IsName: isName, Uses: 0));
            forms[word.Form] = (seen.Stem, seen.IsName, seen.Uses + 1);
        }
        return forms.GroupBy(f => f.Value.Stem, StringComparer.Ordinal).ToDictionary(g => g.Key, g =>
        {
            var most = g.OrderByDescending(f => f.Value.Uses).ThenBy(f => f.Key, StringComparer.Ordinal).First();
            return new Term(most.Key, g.Sum(f => f.Value.Uses), most.Value.IsName);
        }, StringComparer.Ordinal);
    }

    /// <summary>
    /// The corpus's number of articles and, for each of the stems, how many articles use it (absent: none): the sum over
    /// its forms, so an article writing two forms of a word counts twice (rare, and it only makes the word look a little
    /// commoner than it is).
    /// </summary>
    public static (long Articles, Dictionary<string, long> Docs) DocumentFrequencies(DbConnection connection, IEnumerable<string> stems)
    {
        long articles;
        using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT count(*) FROM articles";
            articles = Convert.ToInt64(count.ExecuteScalar());
        }
        var docs = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in stems.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = $"SELECT stem, sum(docs) FROM words WHERE stem IN ({cmd.InList(chunk)}) GROUP BY stem";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) docs[reader.GetString(0)] = Math.Min(articles, Convert.ToInt64(reader.GetValue(1)));
        }
        return (articles, docs);
    }

    // In a large corpus a word in a fifth of the articles says nothing about any of them; a small corpus has
    // too few articles for that test, so every shared word counts there.
    public static long CommonAbove(long articles) => articles >= 50 ? articles / 5 : articles;

    /// <summary>The weight of each counted term of a text (see the class); terms that do not count are left out.</summary>
    public static Dictionary<string, double> Weights(Dictionary<string, Term> terms, long articles, IReadOnlyDictionary<string, long> docs)
    {
        var weights = new Dictionary<string, double>(terms.Count, StringComparer.Ordinal);
        foreach (var (stem, term) in terms)
        {
            long df = docs.GetValueOrDefault(stem);
            if (df < 2 || df > CommonAbove(articles)) continue;
            // ln(1 + N/df) rather than ln(N/df): in a corpus of a handful of articles a word they all share still
            // says something; in a large one the words too common to say anything are left out above.
            weights[stem] = (1 + Math.Log(term.Uses)) * Math.Log(1 + (double)articles / df) * (term.IsName ? NameWeight : 1);
        }
        return weights;
    }

    /// <summary>
    /// The cosine of two texts' weight vectors, 0 when they share fewer than <see cref="MinimumSharedTerms"/> terms that
    /// one of them uses more than once: words each uses once in common are a coincidence, not a subject.
    /// </summary>
    public static double Cosine(Dictionary<string, Term> termsA, Dictionary<string, double> a, Dictionary<string, Term> termsB, Dictionary<string, double> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        double dot = 0;
        int shared = 0;
        foreach (var (stem, weight) in small)
            if (large.TryGetValue(stem, out var other))
            {
                dot += weight * other;
                if (termsA[stem].Uses >= 2 || termsB[stem].Uses >= 2) shared++;
            }
        return shared < MinimumSharedTerms ? 0 : dot / Math.Sqrt(Norm2(a) * Norm2(b));
    }

    /// <summary>One or two words in common are a coincidence, not a subject, however rare the words.</summary>
    const int MinimumSharedTerms = 3;

    static double Norm2(Dictionary<string, double> vector) => vector.Values.Sum(w => w * w);
}
