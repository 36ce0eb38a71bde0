namespace BilateralTrade.Dsl.Generator.Model;

/// <summary>One game in the assembly's BuiltInGames registry.</summary>
internal sealed record RegistryEntry(string Name, string FullyQualifiedName);

/// <summary>The compilation-wide view of all valid games: which names clash (and the diagnostics for them) and which games the registry lists.</summary>
internal sealed record GameCatalog(EquatableArray<string> DuplicateNames, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<RegistryEntry> Registry)
{
    public static GameCatalog Build(System.Collections.Immutable.ImmutableArray<GameIdentity> games)
    {
        var duplicates = new System.Collections.Generic.List<string>();
        var diagnostics = new System.Collections.Generic.List<DiagnosticInfo>();
        foreach (var group in System.Linq.Enumerable.GroupBy(games, g => g.Name, System.StringComparer.Ordinal))
        {
            var list = System.Linq.Enumerable.ToList(group);
            if (list.Count < 2) continue;
            duplicates.Add(group.Key);
            for (int i = 0; i < list.Count; i++)
            {
                var other = list[i == 0 ? 1 : 0];
                diagnostics.Add(DiagnosticInfo.Create(BilateralTrade.Dsl.Generator.Diagnostics.Descriptors.DuplicateGameName, list[i].NameLocation,
                    group.Key, other.FullyQualifiedName.Replace("global::", "")));
            }
        }
        var registry = System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(
            System.Linq.Enumerable.Where(games, g => g.InRegistry && !duplicates.Contains(g.Name)),
            g => new RegistryEntry(g.Name, g.FullyQualifiedName)));
        registry.Sort((a, b) => System.StringComparer.Ordinal.Compare(a.Name, b.Name));
        return new GameCatalog(duplicates.ToEquatableArray(), diagnostics.ToEquatableArray(), registry.ToEquatableArray());
    }
}
