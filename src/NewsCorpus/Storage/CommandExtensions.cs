using System.Data.Common;

namespace NewsCorpus.Storage;

public static class CommandExtensions
{
    /// <summary>Binds each value as a parameter of the command and gives their names for an IN (…) list.</summary>
    public static string InList(this DbCommand cmd, IReadOnlyList<string> values)
    {
        var names = new List<string>(values.Count);
        for (int i = 0; i < values.Count; i++)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = "@v" + i;
            p.Value = values[i];
            cmd.Parameters.Add(p);
            names.Add(p.ParameterName);
        }
        return string.Join(",", names);
    }

    /// <summary>Adds a named parameter (@name: both SQLite and PostgreSQL read it).</summary>
    public static DbParameter Add(this DbCommand cmd, string name, object? value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value ?? DBNull.Value;
        cmd.Parameters.Add(p);
        return p;
    }
}
