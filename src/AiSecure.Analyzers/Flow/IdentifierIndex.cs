using System;
using System.Collections.Generic;
using System.Threading;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// The simple names of each syntax tree by identifier, built once per tree when a field or property literal
    /// first needs its uses: one pass over the tree instead of one per literal.
    /// </summary>
    internal sealed class IdentifierIndex
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, Dictionary<string, List<SimpleNameSyntax>>> _trees = new();

        public IReadOnlyList<SimpleNameSyntax> Find(SyntaxTree tree, string name, CancellationToken cancellationToken)
        {
            var index = _trees.GetOrAdd(tree, t => Build(t, cancellationToken));
            return index.TryGetValue(name, out var names) ? names : (IReadOnlyList<SimpleNameSyntax>)Array.Empty<SimpleNameSyntax>();
        }

        private static Dictionary<string, List<SimpleNameSyntax>> Build(SyntaxTree tree, CancellationToken cancellationToken)
        {
            // Nodes, not tokens: the compiler's token walk is a query over a struct the runtime compiles anew in
            // every build, and a simple name holds exactly one identifier.
            var index = new Dictionary<string, List<SimpleNameSyntax>>(StringComparer.Ordinal);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is SimpleNameSyntax name && name.Identifier.IsKind(SyntaxKind.IdentifierToken))
                {
                    index.AddToList(name.Identifier.ValueText, name);
                }
            }

            return index;
        }
    }
}
