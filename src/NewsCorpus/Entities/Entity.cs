namespace NewsCorpus.Entities;

/// <summary>
/// A name found in one text. <see cref="Surface"/> is the cleaned name (titles stripped, ALL-CAPS words
/// title-cased); <see cref="Start"/> and <see cref="Length"/> point at the original characters for highlighting.
/// </summary>
public readonly record struct EntityMention(string Surface, EntityKind Kind, int Start, int Length);

/// <summary>A canonical entity of the corpus, after variants and aliases were merged.</summary>
public sealed record Entity(string Slug, string Name, EntityKind Kind);
