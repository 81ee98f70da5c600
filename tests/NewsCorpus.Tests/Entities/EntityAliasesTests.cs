using NewsCorpus.Entities;

namespace NewsCorpus.Tests.Entities;

public class EntityAliasesTests
{
    static EntityAliases Parse(string text, string source = "test.txt") => EntityAliases.Parse(new StringReader(text), source);

    [Fact]
    public void Default_file_parses_without_errors()
    {
        Assert.Empty(EntityAliases.Default.Errors);
        Assert.Equal("Rosatom", EntityAliases.Default.CanonicalName("Росатом"));
    }

    [Fact]
    public void First_name_of_a_line_is_canonical_and_lookups_ignore_case_and_accents()
    {
        var aliases = Parse("# comment\nWagner = Groupe Wagner = PMC Wagner   # trailing comment\n[place] Saint-Pétersbourg\n!Publicité\n");
        Assert.Empty(aliases.Errors);
        Assert.Equal("Wagner", aliases.CanonicalName("GROUPE WAGNER"));
        Assert.Null(aliases.KindHint("Wagner"));
        Assert.Equal(EntityKind.Place, aliases.KindHint("saint petersbourg"));
        Assert.True(aliases.IsBlocked("publicite"));
        Assert.Null(aliases.CanonicalName("Rosatom"));
    }

    [Fact]
    public void Malformed_lines_are_reported_with_source_and_line_and_skipped()
    {
        var aliases = Parse("Rosatom\n[org Wagner\n[robot] X\nA = = B\n!\nC = D\nD = E\n!C\n", "user.txt");
        Assert.Equal(
        [
            "user.txt:2: '[' without ']' (expected [person], [org] or [place])",
            "user.txt:3: unknown kind '[robot]' (expected [person], [org] or [place])",
            "user.txt:4: empty name around '='",
            "user.txt:5: nothing to block after '!'",
            "user.txt:7: 'D' is already a name of 'C' (user.txt:6)",
            "user.txt:8: 'C' cannot be blocked, it is a name of 'C' (user.txt:6)",
        ], aliases.Errors);
        Assert.Equal("C", aliases.CanonicalName("D"));
        Assert.Null(aliases.CanonicalName("E"));
        Assert.False(aliases.IsBlocked("C"));
    }

    [Fact]
    public void User_file_overrides_default()
    {
        var shipped = Parse("[org] Wagner = Groupe Wagner\n!Kremlin\n[place] Gao\n", "default");
        var user = Parse("Wagner = Africa Corps\nKremlin\n!Gao\n", "user");
        var combined = shipped.CombineWith(user);

        Assert.Empty(combined.Errors);
        Assert.Equal("Wagner", combined.CanonicalName("Africa Corps"));
        Assert.Equal("Wagner", combined.CanonicalName("Groupe Wagner"));
        Assert.Equal(EntityKind.Organisation, combined.KindHint("Africa Corps"));
        Assert.False(combined.IsBlocked("Kremlin"));
        Assert.True(combined.IsBlocked("Gao"));
        Assert.Null(combined.CanonicalName("Gao"));
    }
}
