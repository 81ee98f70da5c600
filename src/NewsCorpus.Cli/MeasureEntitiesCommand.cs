using System.CommandLine;
using System.Globalization;
using NewsCorpus.Annotations;

namespace NewsCorpus.Cli;

/// <summary>
/// `measure-entities &lt;annotations.tsv&gt; &lt;articles folder&gt; [--errors]`: precision and recall per kind of
/// the entity chips and countries against a reader's annotations. Exit 0 when measured, 2 on bad usage.
/// </summary>
public static class MeasureEntitiesCommand
{
    public static Command Create()
    {
        var annotations = new Argument<FileInfo>("annotations") { Description = "Annotation file (file, kinds, names per line; see Annotations/EntityAnnotations.cs)" };
        var folder = new Argument<DirectoryInfo>("folder") { Description = "Folder of the article files (*.txt); all of them are resolved together, the annotated ones are measured" };
        var showErrors = new Option<bool>("--errors") { Description = "Also list every wrong chip and every missed annotation" };
        var command = new Command("measure-entities", "Precision and recall of people, organisations, places and countries against annotated articles")
            { annotations, folder, showErrors };
        command.SetAction(parse => Run(parse.GetValue(annotations)!, parse.GetValue(folder)!, parse.GetValue(showErrors), Console.Out, Console.Error));
        return command;
    }

    public static int Run(FileInfo annotations, DirectoryInfo folder, bool showErrors, TextWriter output, TextWriter errors)
    {
        if (!annotations.Exists || !folder.Exists)
        {
            errors.WriteLine($"error: {(annotations.Exists ? folder.FullName : annotations.FullName)} does not exist");
            return 2;
        }
        MeasureResult result;
        try
        {
            result = EntityMeasure.Run(folder.FullName, EntityAnnotations.Read(annotations.FullName));
        }
        catch (FormatException e)
        {
            errors.WriteLine($"error: {e.Message}");
            return 2;
        }
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine($"{result.Articles} annotated articles");
        output.WriteLine("kind          precision  recall  (right/found, recalled/annotated)");
        foreach (var s in result.Scores)
            output.WriteLine(string.Format(inv, "{0,-13} {1,9:F3}  {2,6:F3}  ({3}/{4}, {5}/{6})",
                s.Kind.ToString().ToLowerInvariant(), s.Precision, s.Recall, s.Correct, s.Found, s.Recalled, s.Expected));
        if (showErrors)
            foreach (var e in result.Errors.OrderBy(e => e.Kind).ThenBy(e => e.Missed).ThenBy(e => e.File, StringComparer.Ordinal))
                output.WriteLine($"{(e.Missed ? "missed" : "wrong "),-6} {e.Kind.ToString().ToLowerInvariant(),-12} {e.Name}   ({e.File})");
        return 0;
    }
}
