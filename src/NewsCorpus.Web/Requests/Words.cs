namespace NewsCorpus.Web.Requests;

// The values of the enum parameters, named as they are written in URLs: minimal APIs read an enum from the query
// string case-sensitively, so the members are the lower-case words themselves (and the OpenAPI enums list them so).
#pragma warning disable IDE1006, CA1707

/// <summary>A search's order.</summary>
public enum SortWord { relevance, newest, oldest }

/// <summary>A concordance's order: by date, or by the word left or right of the match.</summary>
public enum ConcordanceSortWord { date, left, right }

/// <summary>A kind of named entity.</summary>
public enum KindWord { person, organisation, place }

public static class Words
{
    /// <summary>The library's value of the same name.</summary>
    public static T As<T>(this Enum word) where T : struct, Enum => Enum.Parse<T>(word.ToString(), ignoreCase: true);
}
