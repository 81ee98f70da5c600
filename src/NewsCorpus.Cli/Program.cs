using System.CommandLine;
using NewsCorpus.Cli;

var root = new RootCommand("NewsCorpus: import French news article files into the corpus store, generate test corpora, measure.");
root.Subcommands.Add(ImportCommand.Create());
root.Subcommands.Add(GenerateCommand.Create());
root.Subcommands.Add(LoadCommand.Create());
root.Subcommands.Add(BenchCommand.Create());
root.Subcommands.Add(RelevanceCommand.Create());
root.Subcommands.Add(MeasureEntitiesCommand.Create());
root.Subcommands.Add(MeasureSimilarCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Usage: NewsCorpus.Cli import <folder> [--db <sqlite file>] | generate --articles N --out DIR | bench --corpus DIR | load --url URL | measure-entities ANNOTATIONS DIR | measure-similar --judgments FILE  (--help for more)");
    return 2;
}
return parse.Invoke();
