using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NewsCorpus.Articles;

namespace NewsCorpus.Generation;

/// <summary>One generated article file: its name and its whole text (UTF-8 without BOM when written).</summary>
public sealed record GeneratedArticle(string FileName, string Content);

/// <summary>
/// Makes a synthetic corpus of dated French news articles in the import format, to measure the app at scale.
/// The same seed and count give the same bytes on any machine: the randomness is our own SplitMix64 and the
/// arithmetic avoids library functions whose results may change between runtimes (System.Random,
/// string.GetHashCode, Math.Exp). Articles stream out one at a time; only a small window of recent ones is
/// kept, to copy as duplicates. A shorter run is a prefix of a longer one with the same seed.
/// </summary>
public sealed class CorpusGenerator(int seed)
{
    public const int MinBytes = 1024;
    public const int MaxBytes = 10240;

    /// <summary>The earliest month an article can carry.</summary>
    public YearMonth FirstMonth { get; init; } = new(2015, 1);

    /// <summary>The latest month an article can carry; must not be in the future, or the importer rejects the files.</summary>
    public YearMonth LastMonth { get; init; } = new(2025, 12);

    const double ExactDuplicateRate = 0.002;
    const double NearDuplicateRate = 0.01;
    const int DuplicateWindow = 200;
    const int ProgressEvery = 1000;

    public IEnumerable<GeneratedArticle> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (FirstMonth > LastMonth)
            throw new ArgumentException($"first month {FirstMonth} is after last month {LastMonth}");
        if (LastMonth > YearMonth.FromDate(DateTime.UtcNow))
            throw new ArgumentException($"last month {LastMonth} is in the future: the importer would reject those files");
        return GenerateFrom(count);
    }

    IEnumerable<GeneratedArticle> GenerateFrom(int count)
    {
        var rng = new SplitMix64(SplitMix64.Mix((ulong)(uint)seed ^ 0x6E657773636F7270UL));
        var writer = new ArticleWriter(rng, new MonthPicker(FirstMonth, LastMonth, rng));
        var recent = new Queue<Draft>();
        for (int index = 0; index < count; index++)
        {
            var draft = writer.Next(recent);
            recent.Enqueue(draft);
            if (recent.Count > DuplicateWindow) recent.Dequeue();
            yield return new GeneratedArticle(FileName(index), writer.Render(draft));
        }
    }

    /// <summary>Writes <paramref name="count"/> files into <paramref name="folder"/> (created if missing; files of the same name are overwritten). Progress reports the number written, every 1000 files and at the end.</summary>
    public void WriteTo(string folder, int count, IProgress<int>? progress = null)
    {
        Directory.CreateDirectory(folder);
        int written = 0;
        foreach (var article in Generate(count))
        {
            File.WriteAllBytes(Path.Combine(folder, article.FileName), Encoding.UTF8.GetBytes(article.Content));
            written++;
            if (written % ProgressEvery == 0 || written == count) progress?.Report(written);
        }
    }

    /// <summary>"NNN_hex.txt": the hex id is a bijective mix of seed and index, so ids never collide within a seed.</summary>
    string FileName(int index) =>
        index.ToString("D3", CultureInfo.InvariantCulture) + "_"
        + SplitMix64.Mix(((ulong)(uint)seed << 32) | (uint)index).ToString("x16", CultureInfo.InvariantCulture) + ".txt";

    /// <summary>An article before rendering: kept so later articles can copy it as a duplicate.</summary>
    sealed record Draft(YearMonth Month, char Apostrophe, Subject[] Cast, List<DraftBlock> Blocks);

    /// <summary>A heading (Sentences holds its one line) or a paragraph of sentences.</summary>
    sealed record DraftBlock(bool IsHeading, List<string> Sentences);

    enum FirstLine { DateAlone, Noise, LeadOnDateLine }

    sealed class ArticleWriter(SplitMix64 rng, MonthPicker months)
    {
        const int MedianBytes = 3000;
        const int SmallestTarget = 1400;
        const int LargestTarget = 9000;

        public Draft Next(Queue<Draft> recent)
        {
            double roll = rng.NextDouble();
            if (recent.Count > 0 && roll < ExactDuplicateRate)
                return recent.ElementAt(rng.Next(recent.Count));
            if (recent.Count > 0 && roll < ExactDuplicateRate + NearDuplicateRate)
            {
                var copy = NearDuplicate(recent.ElementAt(rng.Next(recent.Count)));
                if (copy is not null) return copy;
            }
            return Fresh();
        }

        Draft Fresh()
        {
            var month = months.Pick();
            char apostrophe = rng.NextDouble() < 0.5 ? '’' : '\'';
            var cast = Subjects.PickCast(rng);

            int target = Math.Clamp((int)(MedianBytes * DeterministicExp(0.45 * ApproximateNormal())), SmallestTarget, LargestTarget);
            int paragraphs = Math.Clamp((int)(target / (300 + 400 * rng.NextDouble()) + 0.5), 3, 12);

            var blocks = new List<DraftBlock>();
            int written = 0;
            for (int p = 0; p < paragraphs; p++)
            {
                if (p > 0 && rng.NextDouble() < 0.12)
                {
                    var heading = Heading(cast, apostrophe);
                    written += Utf8Length(heading) + 2;
                    blocks.Add(new DraftBlock(true, [heading]));
                }
                // Each paragraph aims at its share of what is left, so overshoots do not add up.
                int budget = (target - written) / (paragraphs - p);
                var sentences = new List<string>();
                int bytes = 0;
                do
                {
                    var sentence = Sentence(cast, apostrophe, mustMention: p == 0 && sentences.Count == 0);
                    int length = Utf8Length(sentence) + 1;
                    if (sentences.Count > 0 && written + bytes + length > MaxBytes - 100) break;
                    sentences.Add(sentence);
                    bytes += length;
                } while (bytes < budget);
                written += bytes + 1;
                blocks.Add(new DraftBlock(false, sentences));
            }
            return new Draft(month, apostrophe, cast, blocks);
        }

        /// <summary>The same article with one sentence rewritten, or null when that would leave the length bounds.</summary>
        Draft? NearDuplicate(Draft original)
        {
            var paragraphs = original.Blocks.Where(b => !b.IsHeading).ToList();
            var paragraph = paragraphs[rng.Next(paragraphs.Count)];
            int which = rng.Next(paragraph.Sentences.Count);
            var changed = new List<string>(paragraph.Sentences)
            {
                [which] = Sentence(original.Cast, original.Apostrophe, mustMention: false),
            };
            var blocks = original.Blocks.Select(b => ReferenceEquals(b, paragraph) ? b with { Sentences = changed } : b).ToList();
            var copy = original with { Blocks = blocks };
            // The first line adds at most " date YYYY-MM Publicité" to the body.
            int body = blocks.Sum(b => b.Sentences.Sum(s => Utf8Length(s) + 1) + 1);
            return body >= MinBytes && body + 32 <= MaxBytes ? copy : null;
        }

        public string Render(Draft draft)
        {
            var texts = draft.Blocks.Select(b => string.Join(' ', b.Sentences)).ToList();
            var layout = (FirstLine)Pick([0.4, 0.3, 0.3]);
            // The importer strips noise words stuck to the date line, so a lead starting with one stays off it.
            if (layout == FirstLine.LeadOnDateLine
                && ArticleParser.NoiseTokens.Any(n => texts[0].StartsWith(n, StringComparison.OrdinalIgnoreCase)))
                layout = FirstLine.DateAlone;

            var sb = new StringBuilder(texts.Sum(t => t.Length + 2) + 32);
            sb.Append(" date ")
              .Append(draft.Month.Year.ToString("D4", CultureInfo.InvariantCulture)).Append('-')
              .Append(draft.Month.Month.ToString("D2", CultureInfo.InvariantCulture));
            int first = 0;
            if (layout == FirstLine.Noise) sb.Append(" Publicité");
            if (layout == FirstLine.LeadOnDateLine) { sb.Append(' ').Append(texts[0]); first = 1; }
            for (int i = first; i < texts.Count; i++) sb.Append("\n\n").Append(texts[i]);
            return sb.Append('\n').ToString();
        }

        string Sentence(Subject[] cast, char apostrophe, bool mustMention)
        {
            double roll = rng.NextDouble();
            if (!mustMention && roll < 0.05) return SeedText.Sentences[rng.Next(SeedText.Sentences.Length)];

            int words = 8 + (rng.Next(28) + rng.Next(28)) / 2;
            var inserts = new List<string>();
            if (mustMention || roll < 0.5)
            {
                inserts.Add(cast[rng.Next(cast.Length)].Form(rng, apostrophe));
                if (mustMention || rng.NextDouble() < 0.25) inserts.Add(cast[rng.Next(cast.Length)].Form(rng, apostrophe));
            }
            if (rng.NextDouble() < 0.15) inserts.Add(SeedText.Clauses[rng.Next(SeedText.Clauses.Length)]);

            int fill = Math.Max(3, words - inserts.Sum(WordCount));
            var pieces = new List<string>(fill + inserts.Count);
            Vocabulary.Fill(pieces, fill, startWithContent: false, rng);
            foreach (var insert in inserts) pieces.Insert(rng.Next(pieces.Count + 1), insert);
            return Join(pieces, apostrophe, commaRate: 0.06) + ".";
        }

        /// <summary>A short line without final punctuation: the importer's test for a section heading.</summary>
        string Heading(Subject[] cast, char apostrophe)
        {
            if (rng.NextDouble() < 0.3) return SeedText.Headings[rng.Next(SeedText.Headings.Length)];
            while (true)
            {
                var pieces = new List<string>();
                Vocabulary.Fill(pieces, 2 + rng.Next(4), startWithContent: true, rng);
                if (Vocabulary.IsFunctionWord(pieces[^1])) pieces.RemoveAt(pieces.Count - 1);
                if (rng.NextDouble() < 0.4) pieces.Insert(rng.Next(pieces.Count + 1), cast[rng.Next(cast.Length)].Form(rng, apostrophe));
                var heading = Join(pieces, apostrophe, commaRate: 0);
                if (heading.Length <= 80 && !ArticleParser.NoiseTokens.Contains(heading, StringComparer.OrdinalIgnoreCase))
                    return heading;
            }
        }

        /// <summary>Joins words the French way: elision (l’armée), contraction (du Mali), a few commas, capital first letter.</summary>
        string Join(List<string> pieces, char apostrophe, double commaRate)
        {
            var output = new List<string>(pieces.Count);
            foreach (var piece in pieces)
            {
                var previous = output.Count > 0 ? output[^1] : null;
                if (previous is not null && Vocabulary.Elides(previous, piece))
                    output[^1] = previous[..^1] + apostrophe + piece;
                else if (previous is "de" or "à" && piece.StartsWith("le ", StringComparison.Ordinal))
                    output[^1] = (previous == "de" ? "du" : "au") + piece[2..];
                else if (previous is "de" or "à" && piece.StartsWith("les ", StringComparison.Ordinal))
                    output[^1] = (previous == "de" ? "des" : "aux") + piece[3..];
                else
                    output.Add(piece);
            }
            var sb = new StringBuilder();
            for (int i = 0; i < output.Count; i++)
            {
                if (i > 0) sb.Append(' ');
                sb.Append(output[i]);
                if (i > 0 && i < output.Count - 2 && !Vocabulary.IsFunctionWord(output[i]) && rng.NextDouble() < commaRate)
                    sb.Append(',');
            }
            if (sb.Length > 0) sb[0] = char.ToUpperInvariant(sb[0]);
            return sb.ToString();
        }

        int Pick(double[] weights)
        {
            double roll = rng.NextDouble();
            for (int i = 0; i < weights.Length - 1; i++)
            {
                if (roll < weights[i]) return i;
                roll -= weights[i];
            }
            return weights.Length - 1;
        }

        /// <summary>Irwin–Hall: four uniforms summed, rescaled to mean 0 and variance 1; close enough to normal for lengths.</summary>
        double ApproximateNormal() =>
            (rng.NextDouble() + rng.NextDouble() + rng.NextDouble() + rng.NextDouble() - 2) * 1.7320508075688772;

        static int WordCount(string text) => text.Count(c => c == ' ') + 1;
        static int Utf8Length(string text) => Encoding.UTF8.GetByteCount(text);
    }

    /// <summary>
    /// e^x from additions and multiplications only: IEEE 754 rounds those the same everywhere, whereas Math.Exp
    /// comes from the platform's maths library and may differ in the last bit, which could change a length.
    /// </summary>
    static double DeterministicExp(double x)
    {
        double y = x / 1024, term = 1, sum = 1;
        for (int k = 1; k <= 8; k++) { term = term * y / k; sum += term; }
        for (int k = 0; k < 10; k++) sum *= sum;
        return sum;
    }

    /// <summary>Spreads articles over the months with more in recent years and a few empty months.</summary>
    sealed class MonthPicker
    {
        readonly YearMonth[] months;
        readonly double[] cumulative;
        readonly SplitMix64 rng;

        public MonthPicker(YearMonth first, YearMonth last, SplitMix64 rng)
        {
            this.rng = rng;
            months = YearMonth.Range(first, last).ToArray();
            cumulative = new double[months.Length];
            double total = 0;
            for (int i = 0; i < months.Length; i++)
            {
                double years = i / 12.0;
                bool empty = i < months.Length - 1 && rng.NextDouble() < 0.04;
                total += empty ? 0 : (2 + years) * (2 + years) * (0.5 + rng.NextDouble());
                cumulative[i] = total;
            }
        }

        public YearMonth Pick() => months[CumulativeSearch(cumulative, rng.NextDouble() * cumulative[^1])];
    }

    /// <summary>Running totals of the Zipf weights 1/rank for <paramref name="count"/> ranks from <paramref name="firstRank"/>.</summary>
    static double[] ZipfCumulative(int firstRank, int count)
    {
        var cumulative = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) cumulative[i] = total += 1.0 / (firstRank + i);
        return cumulative;
    }

    /// <summary>The first index whose running total exceeds <paramref name="value"/>.</summary>
    static int CumulativeSearch(double[] cumulative, double value)
    {
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (cumulative[mid] > value) hi = mid; else lo = mid + 1;
        }
        return lo;
    }

    /// <summary>
    /// Words ranked for Zipf sampling (weight 1/rank): French function words first, then the seeds' own words by
    /// frequency, then the Snowball French word list in a fixed shuffled order.
    /// </summary>
    static class Vocabulary
    {
        static readonly string[] FunctionWords =
        [
            "de", "la", "le", "et", "les", "des", "en", "un", "du", "une", "à", "que", "est", "pour", "qui", "dans",
            "a", "par", "sur", "plus", "au", "pas", "ne", "se", "il", "avec", "ce", "sont", "aux", "son", "sa", "ses",
            "ont", "été", "leur", "mais", "ou", "comme", "cette", "elle", "entre", "ces", "être", "deux", "ils", "on",
            "également", "après", "lors", "depuis", "selon", "contre", "sans", "tout", "aussi", "y", "bien", "où",
            "dont", "leurs", "notamment", "ainsi", "très", "sous", "nous", "encore", "même", "alors", "déjà", "vers",
            "chez", "dès", "si", "avait", "peut",
        ];

        static readonly HashSet<string> FunctionWordSet = new(FunctionWords, StringComparer.Ordinal);
        static readonly HashSet<string> Elided = new(["le", "la", "de", "que", "ne", "se", "je", "me", "te", "jusque", "lorsque", "puisque"], StringComparer.Ordinal);

        // Function words that take an elided word before them: d'une, d'où; qu'il, n'est, s'y.
        static readonly HashSet<string> ElidedDeBefore = new(["un", "une", "en", "y", "entre", "où", "après"], StringComparer.Ordinal);
        static readonly HashSet<string> ElidedQueBefore = new(
            ["il", "ils", "elle", "on", "un", "une", "en", "y", "a", "est", "ont", "avait", "être"], StringComparer.Ordinal);

        // Words[..FunctionWords.Length] are the function words; the rest are content words.
        static readonly string[] Words = Build();
        static readonly double[] FunctionCumulative = ZipfCumulative(1, FunctionWords.Length);
        static readonly double[] ContentCumulative = ZipfCumulative(FunctionWords.Length + 1, Words.Length - FunctionWords.Length);
        static readonly double FunctionShare = FunctionCumulative[^1] / (FunctionCumulative[^1] + ContentCumulative[^1]);

        /// <summary>
        /// Adds <paramref name="count"/> words. Function and content words alternate as in prose (a two-state Markov
        /// chain), each drawn by its Zipf rank; the chain spends exactly the Zipf share of its steps on function words,
        /// so the mix stays Zipf over the whole list while "de la le" runs become rare.
        /// </summary>
        public static void Fill(List<string> pieces, int count, bool startWithContent, SplitMix64 rng)
        {
            const double ContentAfterFunction = 0.85;
            double functionAfterContent = FunctionShare * ContentAfterFunction / (1 - FunctionShare);
            bool function = !startWithContent && rng.NextDouble() < FunctionShare;
            string? previous = null;
            for (int i = 0; i < count; i++)
            {
                string word;
                do word = function ? Draw(FunctionCumulative, 0, rng) : Draw(ContentCumulative, FunctionWords.Length, rng);
                while (word == previous);
                pieces.Add(word);
                previous = word;
                function = function ? rng.NextDouble() >= ContentAfterFunction : rng.NextDouble() < functionAfterContent;
            }
        }

        static string Draw(double[] cumulative, int offset, SplitMix64 rng) =>
            Words[offset + CumulativeSearch(cumulative, rng.NextDouble() * cumulative[^1])];

        public static bool IsFunctionWord(string word) => FunctionWordSet.Contains(word);

        public static bool Elides(string word, string next) =>
            Elided.Contains(word) && StartsWithVowel(next)
            && (!IsFunctionWord(next) || word switch
            {
                "le" or "la" => false,
                "de" => ElidedDeBefore.Contains(next),
                _ => ElidedQueBefore.Contains(next),
            });

        static bool StartsWithVowel(string word) => word.Length > 0 && "aeiouyàâäéèêëîïôöûùüœæ".Contains(char.ToLowerInvariant(word[0]));

        static string[] Build()
        {
            var words = new List<string>(FunctionWords);
            var taken = new HashSet<string>(FunctionWords, StringComparer.Ordinal);
            // Proper names come in through Subjects at their own rates, never as lower-case common words.
            foreach (var name in Subjects.NameWords()) taken.Add(name);

            var seedCounts = new Dictionary<string, int>(StringComparer.Ordinal);
            // Only words written in lower case: capitalised ones may be names.
            foreach (Match m in Regex.Matches(string.Join(' ', SeedText.Sentences), @"\p{L}+(?:-\p{L}+)*"))
                if (m.Value == m.Value.ToLowerInvariant()) seedCounts[m.Value] = seedCounts.GetValueOrDefault(m.Value) + 1;
            foreach (var (word, _) in seedCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
                if (word.Length > 1 && taken.Add(word)) words.Add(word);

            var listed = new List<string>();
            using (var reader = new StreamReader(typeof(CorpusGenerator).Assembly.GetManifestResourceStream("french-words.txt")
                ?? throw new InvalidOperationException("embedded resource french-words.txt is missing"), Encoding.UTF8))
            {
                // The list also holds elided forms (l'armée); the generator elides by itself.
                while (reader.ReadLine() is { } line)
                    if (line.Length > 2 && !line.Contains('\'') && taken.Add(line)) listed.Add(line);
            }
            var shuffle = new SplitMix64(20151);
            for (int i = listed.Count - 1; i > 0; i--)
            {
                int j = shuffle.Next(i + 1);
                (listed[i], listed[j]) = (listed[j], listed[i]);
            }
            words.AddRange(listed);
            return words.ToArray();
        }

    }

    /// <summary>A country or named entity and the ways an article refers to it.</summary>
    sealed record Subject(params string[] Forms)
    {
        public string Form(SplitMix64 rng, char apostrophe) => Forms[rng.Next(Forms.Length)].Replace('\'', apostrophe);
    }

    static class Subjects
    {
        // The three focus countries and how often an article features each.
        static readonly (Subject Subject, double Rate)[] Focus =
        [
            (new("la Russie", "en Russie", "Moscou", "russe", "russes", "les autorités russes"), 0.85),
            (new("le Mali", "au Mali", "Bamako", "malien", "maliens", "malienne", "les autorités maliennes"), 0.65),
            (new("le Burkina Faso", "au Burkina Faso", "Ouagadougou", "burkinabè", "burkinabé", "burkinabée"), 0.55),
        ];

        // Most frequent first: picked with weight 1/rank.
        static readonly Subject[] Countries =
        [
            new("le Niger", "au Niger", "Niamey", "nigérien", "nigériens"),
            new("la France", "en France", "Paris", "français", "française"),
            new("l'Ukraine", "en Ukraine", "Kiev", "ukrainien", "ukrainiens"),
            new("la Chine", "en Chine", "Pékin", "chinois", "chinoise"),
            new("les États-Unis", "aux États-Unis", "Washington", "américain", "américaine"),
            new("l'Algérie", "en Algérie", "Alger", "algérien", "algérienne"),
            new("le Sénégal", "au Sénégal", "Dakar", "sénégalais"),
            new("la Côte d'Ivoire", "en Côte d'Ivoire", "Abidjan", "ivoirien", "ivoirienne"),
            new("le Tchad", "au Tchad", "N'Djamena", "tchadien"),
            new("la Guinée", "en Guinée", "Conakry", "guinéen", "guinéenne"),
            new("la Centrafrique", "en Centrafrique", "Bangui", "centrafricain"),
            new("la Libye", "en Libye", "Tripoli", "libyen"),
            new("la Mauritanie", "en Mauritanie", "Nouakchott", "mauritanien"),
            new("le Soudan", "au Soudan", "Khartoum", "soudanais"),
            new("le Togo", "au Togo", "Lomé", "togolais"),
            new("le Bénin", "au Bénin", "Cotonou", "béninois"),
            new("le Ghana", "au Ghana", "Accra", "ghanéen"),
            new("le Nigeria", "au Nigeria", "Abuja", "nigérian"),
            new("le Maroc", "au Maroc", "Rabat", "marocain"),
            new("la Turquie", "en Turquie", "Ankara", "turc", "turque"),
            new("l'Allemagne", "en Allemagne", "Berlin", "allemand"),
            new("le Cameroun", "au Cameroun", "Yaoundé", "camerounais"),
            new("l'Iran", "en Iran", "Téhéran", "iranien"),
            new("l'Égypte", "en Égypte", "Le Caire", "égyptien"),
            new("l'Inde", "en Inde", "New Delhi", "indien"),
            new("la Biélorussie", "en Biélorussie", "Minsk", "biélorusse"),
        ];

        static readonly Subject[] Entities =
        [
            new("Wagner", "le groupe Wagner", "les mercenaires de Wagner", "la société militaire privée Wagner"),
            new("Assimi Goïta", "le colonel Assimi Goïta", "le président de la transition malienne, Assimi Goïta"),
            new("Ibrahim Traoré", "le capitaine Ibrahim Traoré", "Ibrahim Traoré", "le chef de la junte burkinabè, Ibrahim Traoré"),
            new("Vladimir Poutine", "le président russe Vladimir Poutine", "Poutine"),
            new("la CEDEAO", "la Communauté économique des États de l'Afrique de l'Ouest (CEDEAO)"),
            new("Africa Corps", "l'Africa Corps", "les instructeurs d'Africa Corps"),
            new("l'Alliance des États du Sahel", "l'Alliance des États du Sahel (AES)", "l'AES"),
            new("Sergueï Lavrov", "le ministre russe des Affaires étrangères, Sergueï Lavrov", "Lavrov"),
            new("les Nations unies", "l'ONU", "le Conseil de sécurité des Nations unies"),
            new("la MINUSMA", "la mission de l'ONU au Mali (MINUSMA)"),
            new("Rosatom", "l'agence russe Rosatom", "le groupe nucléaire Rosatom"),
            new("l'Union africaine", "l'UA"),
            new("Emmanuel Macron", "le président français Emmanuel Macron"),
            new("Abdourahamane Tiani", "le général Abdourahamane Tiani"),
            new("Evgueni Prigojine", "le fondateur de Wagner, Evgueni Prigojine"),
            new("le Kremlin", "le porte-parole du Kremlin"),
            new("Barkhane", "l'opération Barkhane", "la force Barkhane"),
            new("le JNIM", "le Groupe de soutien à l'islam et aux musulmans (JNIM)"),
            new("l'État islamique au Sahel", "l'EIGS"),
            new("l'Union européenne", "l'UE", "Bruxelles"),
            new("Abdoulaye Diop", "le chef de la diplomatie malienne, Abdoulaye Diop"),
            new("Sadio Camara", "le ministre malien de la Défense, Sadio Camara"),
            new("Dmitri Peskov", "le porte-parole Dmitri Peskov"),
            new("Kassoum Coulibaly", "le colonel-major Kassoum Coulibaly"),
            new("l'OTAN", "l'Alliance atlantique"),
            new("Choguel Kokalla Maïga", "le Premier ministre Choguel Maïga"),
            new("le sommet Russie-Afrique", "le forum Russie-Afrique de Saint-Pétersbourg"),
            new("Sergueï Choïgou", "le ministre russe de la Défense, Sergueï Choïgou"),
            new("Apollinaire Joachim Kyélem de Tambèla", "le Premier ministre burkinabè Kyélem de Tambèla"),
            new("Mohamed Bazoum", "le président déchu Mohamed Bazoum"),
            new("le FMI", "le Fonds monétaire international"),
            new("la Banque mondiale"),
            new("RT France", "la chaîne RT"),
            new("Sputnik", "l'agence Sputnik"),
            new("Iounous-Bek Evkourov", "le vice-ministre russe de la Défense Iounous-Bek Evkourov"),
            new("Andreï Belooussov", "le ministre Andreï Belooussov"),
            new("Karim Keïta", "le fils de l'ancien président, Karim Keïta"),
            new("Nordgold", "la société minière Nordgold"),
            new("Uranium One", "la filiale Uranium One"),
            new("Africa Initiative", "l'agence Africa Initiative"),
        ];

        static readonly double[] CountryWeights = ZipfCumulative(1, Countries.Length);
        static readonly double[] EntityWeights = ZipfCumulative(1, Entities.Length);

        /// <summary>Who an article is about: some focus countries, maybe other countries, a few entities.</summary>
        public static Subject[] PickCast(SplitMix64 rng)
        {
            var cast = new List<Subject>();
            foreach (var (subject, rate) in Focus)
                if (rng.NextDouble() < rate) cast.Add(subject);
            int others = rng.Next(10) switch { < 4 => 0, < 8 => 1, 8 => 2, _ => 3 };
            for (int i = 0; i < others; i++) AddOnce(cast, Countries[CumulativeSearch(CountryWeights, rng.NextDouble() * CountryWeights[^1])]);
            int entities = rng.Next(5);
            for (int i = 0; i < entities; i++) AddOnce(cast, Entities[CumulativeSearch(EntityWeights, rng.NextDouble() * EntityWeights[^1])]);
            if (cast.Count == 0) cast.Add(Countries[0]);
            return cast.ToArray();
        }

        static void AddOnce(List<Subject> cast, Subject subject)
        {
            if (!cast.Contains(subject)) cast.Add(subject);
        }

        /// <summary>Lower-cased capitalised words of the country names, kept out of the common vocabulary.</summary>
        public static IEnumerable<string> NameWords() =>
            Focus.Select(f => f.Subject).Concat(Countries)
                .SelectMany(s => s.Forms)
                .SelectMany(f => f.Split(' ', '\'', '-', ',', '(', ')'))
                .Where(w => w.Length > 0 && char.IsUpper(w[0]))
                .Select(w => w.ToLowerInvariant());
    }

    /// <summary>The text of the two real articles in seeds/, reused whole or in clauses as real wire copy is.</summary>
    static class SeedText
    {
        public static readonly string[] Sentences =
        [
            "Le Burkina Faso, suivant les traces du Mali, a récemment renforcé son partenariat militaire avec la Russie, une manoeuvre stratégique dans un contexte régional souvent marqué par l'instabilité.",
            "Tout comme le Mali, qui a renforcer des liens militaires avec la Russie pour améliorer sa sécurité intérieure, le Burkina Faso cherche à tirer parti de l'expertise et des ressources militaires russes pour renforcer ses Forces Armées Nationales.",
            "Le 5 octobre, une délégation russe de haut rang, conduite par deux Vice-ministres de la défense, s'est rendue dans la capitale burkinabè pour des rencontres de travail avec les responsables militaires locaux.",
            "Celles-ci ont notamment été l'occasion d'explorer les différentes opportunités de coopération dans les domaines opérationnel, économique, logistique, technologique, et de la formation.",
            "Le Colonel-major Kassoum COULIBALY, Ministre d’État, Ministre de la Défense et des Anciens Combattants du Burkina Faso, a été au centre des discussions stratégiques, soulignant les avantages mutuels d'une telle coopération.",
            "Les entretiens ont également mis en lumière le désir de renforcer les aptitudes et les capacités des troupes burkinabè, un aspect crucial pour garantir la sécurité nationale.",
            "L'échange d'expertises et de ressources entre les deux nations est vu comme un moyen d'améliorer la préparation et la réponse aux défis sécuritaires.",
            "Le Burkina Faso, grâce à ce partenariat, pourrait accéder à des technologies et des équipements militaires avancés.",
            "Au cours de cette visite, la délégation russe a été reçue par le Président de la Transition, le Capitaine Ibrahim TRAORE.",
            "Ce dernier a réaffirmé la solidité des relations entre le Burkina Faso et la Russie, un écho des sentiments exprimés lors des échanges entre les militaires maliens et russes dans le passé.",
            "Ces relations croissantes s'inscrivent dans une tendance plus large d'engagement militaire russe sur le continent africain.",
            "La Russie devient ainsi un partenaire clé pour plusieurs nations africaines cherchant à renforcer leur sécurité.",
            "Le rapprochement entre la Russie et le Mali est un exemple éloquent de l’élargissement des relations entre Moscou et l’Afrique.",
            "Cette coopération s’est manifestée par un soutien militaire significatif, comprenant la fourniture d’armements, de formations et un appui logistique, qui a joué un rôle clé dans des opérations militaires, notamment dans des régions stratégiques comme Kidal.",
            "En outre, la Russie a également offert son aide dans des domaines tels que l’éducation et l’infrastructure, montrant une approche globale de son partenariat avec le Mali.",
            "Parallèlement, le Burkina Faso connaît actuellement une intensification similaire dans ses échanges avec la Russie.",
            "Récemment, un projet de construction d’une centrale nucléaire civile par l’agence russe Rosatom a été annoncé, dans le but de répondre aux besoins énergétiques du Burkina Faso.",
            "Ce projet s’inscrit dans une série d’initiatives couvrant divers domaines, y compris l’humanitaire, l’énergie et la culture, reflétant une coopération multidimensionnelle entre les deux pays.",
            "La coopération militaire occupe également une place prépondérante dans les relations russo-burkinabées.",
            "Le ministre de la défense du Burkina Faso a récemment visité Moscou pour des discussions avec son homologue russe, marquant une étape importante vers une collaboration pratique en matière de défense.",
            "Cette coopération inclut la formation de soldats et d’officiers burkinabés en Russie, signifiant une profondeur et une diversification accrues des liens bilatéraux.",
            "Les relations entre la Russie et le Burkina Faso se développent dans un contexte géopolitique complexe.",
            "Lors du sommet Russie-Afrique à Saint-Pétersbourg, le président burkinabé a exprimé une solidarité marquée avec la Russie, critiquant les politiques des pays occidentaux et affirmant un partenariat stratégique avec Moscou.",
            "Dans le domaine de la santé, la coopération entre la Russie et le Burkina Faso a pris une importance particulière face aux défis sanitaires urgents.",
            "Récemment, en réponse à l’épidémie de dengue qui frappe le Burkina Faso, la Russie a démontré son engagement en envoyant une équipe de médecins spécialistes.",
            "Cette intervention médicale russe s’inscrit dans une démarche plus large d’assistance humanitaire et de soutien sanitaire.",
            "Les experts russes, en collaboration avec les autorités burkinabées, ont mis en place des initiatives pour contrôler et réduire l’impact de la dengue, fournissant des équipements médicaux essentiels, des réactifs pour les laboratoires et des formations pour le personnel médical local.",
            "Cette aide précieuse souligne non seulement la solidarité de la Russie envers le Burkina Faso dans les moments critiques, mais marque aussi une étape significative dans le renforcement des relations bilatérales, avec un accent particulier sur le bien-être et la santé de la population burkinabée.",
            "La Russie renforce activement ses relations avec plusieurs pays africains pour réduire son isolement sur la scène mondiale.",
            "Cette stratégie s’inscrit dans un effort plus large pour augmenter son influence et son rôle en tant qu’acteur clé en Afrique, offrant des partenariats alternatifs aux modèles occidentaux traditionnels.",
        ];

        public static readonly string[] Headings =
        [
            "Une coopération militaire renforcée", "Coopération militaire", "La santé également dans le viseur",
            "Un partenariat stratégique", "Les enjeux sécuritaires", "Réactions internationales", "Le volet économique",
            "Une présence contestée", "Perspectives", "Un tournant diplomatique", "La question énergétique",
            "Des accords controversés",
        ];

        static readonly HashSet<string> CommonStarts = new(
            ["le", "la", "les", "l'échange", "un", "une", "ce", "ces", "cette", "celles-ci", "tout", "en", "dans", "au", "lors", "récemment", "parallèlement"],
            StringComparer.Ordinal);

        /// <summary>Comma-separated pieces of the seed sentences, 3 to 12 words, to drop into generated sentences.</summary>
        public static readonly string[] Clauses = Sentences
            .SelectMany(s => s.TrimEnd('.').Split(", "))
            .Where(c => c.Split(' ').Length is >= 3 and <= 12)
            // A clause that opened its sentence starts with a capital it no longer needs, unless it is a name.
            .Select(c => CommonStarts.Contains(c.Split(' ')[0].ToLowerInvariant()) ? char.ToLowerInvariant(c[0]) + c[1..] : c)
            .ToArray();
    }

    /// <summary>SplitMix64 (Steele, Lea, Flood 2014): tiny, fast, and the same on every runtime because we own it.</summary>
    sealed class SplitMix64(ulong state)
    {
        public ulong NextUInt64() => Mix(state += 0x9E3779B97F4A7C15UL);

        /// <summary>Uniform in [0, 1): 53 random bits, exactly representable.</summary>
        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        /// <summary>Uniform in [0, n) by multiply-shift; the bias for small n is far below anything measured here.</summary>
        public int Next(int n) => (int)(((NextUInt64() >> 32) * (ulong)n) >> 32);

        /// <summary>The SplitMix64 finaliser: a bijection on 64 bits, so distinct inputs give distinct outputs.</summary>
        public static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
