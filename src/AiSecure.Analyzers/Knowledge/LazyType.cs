using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// A catalog type that is looked up only when a candidate carries its name. Looking a type up loads its namespace
    /// from the reference that declares it; for sinks most projects never touch (Process, Dapper, Razor helpers) that
    /// was work done at every compilation start for nothing. Full names are compared first, symbols only on a match.
    /// </summary>
    internal sealed class LazyType
    {
        private readonly Compilation _compilation;
        private readonly string _metadataName;
        private INamedTypeSymbol? _type;
        private volatile bool _resolved;

        public LazyType(Compilation compilation, string metadataName)
        {
            _compilation = compilation;
            _metadataName = metadataName;
            SimpleName = TypeNames.SimpleName(metadataName);
        }

        /// <summary>The last part of the metadata name, what a candidate's own name must be.</summary>
        public readonly string SimpleName;

        /// <summary>Whether the type has been looked up yet.</summary>
        internal bool IsResolved => _resolved;

        /// <summary>The type, looked up on first use; null when the compilation does not have it.</summary>
        public INamedTypeSymbol? Resolve()
        {
            if (!_resolved)
            {
                _type = TypeResolver.Get(_compilation, _metadataName);
                _resolved = true;
            }

            return _type;
        }

        /// <summary>The candidate is this type.</summary>
        public bool Is(ITypeSymbol? candidate)
            => candidate != null && TypeNames.HasMetadataName(candidate, _metadataName) && SymbolEqualityComparer.Default.Equals(candidate, Resolve());

        /// <summary>The candidate (its original definition) is this type or derives from it.</summary>
        public bool IsBaseOrSelfOf(ITypeSymbol? candidate)
        {
            for (var current = candidate; current != null; current = current.BaseType)
            {
                if (TypeNames.HasMetadataName(current, _metadataName) && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, Resolve()))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The candidate implements this interface.</summary>
        public bool IsImplementedBy(ITypeSymbol candidate)
        {
            foreach (var implemented in candidate.AllInterfaces)
            {
                if (TypeNames.HasMetadataName(implemented, _metadataName) && SymbolEqualityComparer.Default.Equals(implemented, Resolve()))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// Values kept under catalog types that are looked up lazily: a candidate is matched by its simple name, then its
    /// full name, and only then is the catalog type looked up (once) and compared.
    /// </summary>
    internal sealed class LazyTypeMap<T>
        where T : class
    {
        private readonly Dictionary<string, List<Entry>> _bySimpleName = new(StringComparer.Ordinal);

        public void Add(LazyType type, T value) => _bySimpleName.AddToList(type.SimpleName, new Entry(type, value));

        /// <summary>The value kept under exactly this type.</summary>
        public bool TryGetValue(ITypeSymbol type, out T value)
        {
            if (_bySimpleName.TryGetValue(type.MetadataName, out var entries))
            {
                foreach (var entry in entries)
                {
                    if (entry.Type.Is(type))
                    {
                        value = entry.Value;
                        return true;
                    }
                }
            }

            value = null!;
            return false;
        }

        /// <summary>Whether the compilation has any of the types, looking them up only until one is found.</summary>
        public bool AnyExists()
        {
            foreach (var entries in _bySimpleName.Values)
            {
                foreach (var entry in entries)
                {
                    if (entry.Type.Resolve() != null)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private sealed class Entry
        {
            public Entry(LazyType type, T value)
            {
                Type = type;
                Value = value;
            }

            public readonly LazyType Type;

            public readonly T Value;
        }
    }
}
