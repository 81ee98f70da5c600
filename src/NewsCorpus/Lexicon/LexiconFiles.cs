using System.IO.Compression;

namespace NewsCorpus.Lexicon;

/// <summary>
/// Reads the gzipped data files embedded beside this class (made by tools/lexicon/build.js from npm packages;
/// their licences are the *.LICENSE-* files of this folder).
/// </summary>
static class LexiconFiles
{
    public static IEnumerable<string> Lines(string resourceName)
    {
        using var stream = typeof(LexiconFiles).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource {resourceName} is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0) yield return line;
    }
}
