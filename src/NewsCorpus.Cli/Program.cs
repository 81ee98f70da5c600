using System.CommandLine;
using NewsCorpus.Cli;

var root = new RootCommand("NewsCorpus: import French news article files into the corpus store.");
root.Subcommands.Add(ImportCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine(error.Message);
    Console.Error.WriteLine("Usage: NewsCorpus.Cli import <folder> [--db <sqlite file>]  (--help for more)");
    return 2;
}
return parse.Invoke();
