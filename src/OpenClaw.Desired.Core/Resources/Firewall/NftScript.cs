using System.Text;

namespace OpenClaw.Desired.Resources.Firewall;

/// <summary>
/// nft input files that replace the owned table in one transaction. "table X" before "delete table X" makes the
/// delete safe when the table does not exist yet; nft -f loads the whole file atomically or not at all.
/// </summary>
internal static class NftScript
{
    /// <summary>Replaces the table's contents with <paramref name="table"/>, or removes the table when it is null.</summary>
    public static string Replace(string qualifiedTable, NftTable? table)
    {
        var text = new StringBuilder(Clear(qualifiedTable));
        if (table is null)
        {
            return text.ToString();
        }

        text.Append("table ").Append(table.Qualified).Append(" {\n");
        foreach (var set in table.Sets)
        {
            text.Append("\tset ").Append(set.Name).Append(" {\n\t\t").Append(set.Declaration).Append("\n\t}\n");
        }
        foreach (var chain in table.Chains)
        {
            text.Append("\tchain ").Append(chain.Name).Append(" {\n");
            text.Append("\t\t").Append(chain.Header).Append('\n');
            foreach (var rule in table.RulesOf(chain.Name))
            {
                text.Append("\t\t").Append(rule.Text).Append('\n');
            }

            text.Append("\t}\n");
        }

        return text.Append("}\n").ToString();
    }

    /// <summary>Puts back a table saved with <c>nft list table</c> (or removes the table when none was saved).</summary>
    public static string Restore(string qualifiedTable, string? savedListing) =>
        Clear(qualifiedTable) + (savedListing ?? string.Empty);

    private static string Clear(string qualifiedTable) =>
        $"# openclaw-desired owns this table and nothing else\ntable {qualifiedTable}\ndelete table {qualifiedTable}\n";
}
