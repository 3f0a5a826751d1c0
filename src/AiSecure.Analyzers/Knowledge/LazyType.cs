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
        private readonly string _name;
        private INamedTypeSymbol? _type;
        private volatile bool _resolved;

        public LazyType(Compilation compilation, string metadataName)
        {
            _compilation = compilation;
            _metadataName = metadataName;
            _name = TypeNames.SimpleName(metadataName);
        }

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
            => candidate != null && candidate.MetadataName == _name && TypeNames.HasMetadataName(candidate, _metadataName) && SymbolEqualityComparer.Default.Equals(candidate, Resolve());

        /// <summary>The candidate (its original definition) is this type or derives from it.</summary>
        public bool IsBaseOrSelfOf(ITypeSymbol? candidate)
        {
            for (var current = candidate; current != null; current = current.BaseType)
            {
                if (current.MetadataName == _name && TypeNames.HasMetadataName(current, _metadataName) && SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, Resolve()))
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
                if (implemented.MetadataName == _name && TypeNames.HasMetadataName(implemented, _metadataName) && SymbolEqualityComparer.Default.Equals(implemented, Resolve()))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
