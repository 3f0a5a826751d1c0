using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Options
{
    /// <summary>A member named in an <c>aisecure.*</c> option, with the parameter it names, if any.</summary>
    /// <remarks>A class: arrays of it share the runtime's precompiled generic code (a struct element needs its own JIT).</remarks>
    internal sealed class ConfiguredMember
    {
        public ConfiguredMember(ISymbol symbol, string? parameterName)
        {
            Symbol = symbol;
            ParameterName = parameterName;
        }

        public readonly ISymbol Symbol;

        /// <summary>The <c>#paramName</c> suffix of the option entry, or null.</summary>
        public readonly string? ParameterName;
    }

    /// <summary>
    /// Resolves documentation-comment ids from options (<c>M:Ns.Type.Method(System.String)</c>,
    /// <c>P:Ns.Type.Prop</c>, optionally <c>#param</c>) against one compilation, once per distinct option value.
    /// Create one per compilation; unparsable or unknown ids resolve to nothing.
    /// </summary>
    internal sealed class ConfiguredSymbols
    {
        private readonly Compilation _compilation;

        // The distinct option values met in this compilation (one or two in practice), each resolved once. A list of
        // objects rather than a map keyed by the value arrays: a collection over those structs is code the runtime
        // compiles in every build, and most builds configure nothing.
        private readonly List<Resolved> _resolved = new();

        public ConfiguredSymbols(Compilation compilation)
        {
            _compilation = compilation;
        }

        public ImmutableArray<ConfiguredMember> Resolve(ImmutableArray<string> ids)
        {
            if (ids.IsDefaultOrEmpty)
            {
                return ImmutableArray<ConfiguredMember>.Empty;
            }

            if (Find(ids) is { } known)
            {
                return known.Members;
            }

            // Resolved outside the lock; when two threads resolve the same value, the first one kept is used by both.
            var members = ResolveCore(ids);
            lock (_resolved)
            {
                if (Find(ids) is { } raced)
                {
                    return raced.Members;
                }

                _resolved.Add(new Resolved(ids, members));
            }

            return members;
        }

        private Resolved? Find(ImmutableArray<string> ids)
        {
            lock (_resolved)
            {
                foreach (var resolved in _resolved)
                {
                    if (SameIds(resolved.Ids, ids))
                    {
                        return resolved;
                    }
                }
            }

            return null;
        }

        /// <summary>Finds the entry for <paramref name="symbol"/> (its original definition), if configured.</summary>
        public static bool TryFind(ImmutableArray<ConfiguredMember> members, ISymbol symbol, out ConfiguredMember member)
        {
            var definition = symbol.OriginalDefinition;
            if (definition is IMethodSymbol { ReducedFrom: { } reduced })
            {
                definition = reduced;
            }

            foreach (var candidate in members)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.Symbol, definition))
                {
                    member = candidate;
                    return true;
                }
            }

            member = null!;
            return false;
        }

        private ImmutableArray<ConfiguredMember> ResolveCore(ImmutableArray<string> ids)
        {
            var builder = ImmutableArray.CreateBuilder<ConfiguredMember>();
            foreach (var raw in ids)
            {
                try
                {
                    // .editorconfig ends a value at '#' (a comment), so "#ctor" may be written ".ctor" and the
                    // parameter suffix "@param" as well as "#param" (which survives where no comment rule applies).
                    var id = raw.Replace("..ctor", ".#ctor").Replace("..cctor", ".#cctor");
                    string? parameter = null;
                    var hash = Math.Max(id.LastIndexOf('@'), id.LastIndexOf('#'));
                    if (hash > 0 && id[hash - 1] != '.')
                    {
                        parameter = id.Substring(hash + 1).Trim();
                        id = id.Substring(0, hash);
                        if (parameter.Length == 0)
                        {
                            parameter = null;
                        }
                    }

                    foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id.Trim(), _compilation))
                    {
                        builder.Add(new ConfiguredMember(symbol.OriginalDefinition, parameter));
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A malformed id is ignored; the rule keeps its defaults.
                }
            }

            return builder.ToImmutable();
        }

        private static bool SameIds(ImmutableArray<string> x, ImmutableArray<string> y)
        {
            if (x.Length != y.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        private sealed class Resolved
        {
            public Resolved(ImmutableArray<string> ids, ImmutableArray<ConfiguredMember> members)
            {
                Ids = ids;
                Members = members;
            }

            public readonly ImmutableArray<string> Ids;

            public readonly ImmutableArray<ConfiguredMember> Members;
        }
    }
}
