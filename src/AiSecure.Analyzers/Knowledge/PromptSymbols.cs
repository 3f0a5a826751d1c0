using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// <see cref="PromptCatalog"/> resolved against one compilation, once, at compilation start: sink rows keyed by
    /// their declaring type and source rows by member name (members are matched when seen), plus the platform types
    /// the taint engine needs.
    /// </summary>
    internal sealed class PromptSymbols
    {
        private readonly LazyTypeMap<List<SinkRow>> _sinkRows;
        private readonly Dictionary<string, List<SourceBinding>> _sourceRows = new(StringComparer.Ordinal);
        private readonly HashSet<ISymbol> _systemContainers = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _userContainers = new(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _roleTypes = new(SymbolEqualityComparer.Default);

        private readonly Compilation _compilation;
        private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _implementations = new(SymbolEqualityComparer.Default);

        private PromptSymbols(Compilation compilation, LazyTypeMap<List<SinkRow>> sinkRows)
        {
            _compilation = compilation;
            _sinkRows = sinkRows;
            HasSinks = sinkRows.AnyExists();

            // Sources too are matched by name when a member is read: File, Console or HttpRequest have hundreds of
            // members that no prompt ever touches.
            foreach (var row in PromptCatalog.Sources)
            {
                var type = TypeResolver.Get(compilation, row.Type);
                if (type == null)
                {
                    continue;
                }

                _sourceRows.AddToList(row.Member, new SourceBinding(type, row));
            }

            AddContainers(compilation, PromptCatalog.SystemMessageContainers, _systemContainers);
            AddContainers(compilation, PromptCatalog.UserMessageContainers, _userContainers);

            foreach (var typeName in PromptCatalog.RoleTypes)
            {
                if (TypeResolver.Get(compilation, typeName) is { } type)
                {
                    _roleTypes.Add(type);
                }
            }

            ControllerBase = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Mvc.ControllerBase");
            ApiControllerAttribute = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Mvc.ApiControllerAttribute");
            ControllerAttribute = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Mvc.ControllerAttribute");
            NonActionAttribute = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Mvc.NonActionAttribute");
            NonControllerAttribute = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Mvc.NonControllerAttribute");
            FromServicesAttribute = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Mvc.FromServicesAttribute");
            FromKeyedServicesAttribute = TypeResolver.Get(compilation, "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");
            PageModel = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Mvc.RazorPages.PageModel");
            Hub = TypeResolver.Get(compilation, "Microsoft.AspNetCore.SignalR.Hub");
            GenericHub = TypeResolver.Get(compilation, "Microsoft.AspNetCore.SignalR.Hub`1");
            EndpointRouteBuilderExtensions = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions");
            EndpointRouteBuilder = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Routing.IEndpointRouteBuilder");
            HttpContext = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Http.HttpContext");
            HttpRequest = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Http.HttpRequest");
            HttpResponse = TypeResolver.Get(compilation, "Microsoft.AspNetCore.Http.HttpResponse");
            Uri = TypeResolver.Get(compilation, "System.Uri");
            KernelArguments = TypeResolver.Get(compilation, "Microsoft.SemanticKernel.KernelArguments");
            Types = TextTypes.Create(compilation);
        }

        private static void AddContainers(Compilation compilation, ImmutableArray<string> typeNames, HashSet<ISymbol> containers)
        {
            foreach (var typeName in typeNames)
            {
                if (TypeResolver.Get(compilation, typeName) is { } type)
                {
                    containers.Add(type);
                }
            }
        }

        public readonly bool HasSinks;

        /// <summary>The platform types the flow engine needs.</summary>
        public readonly TextTypes Types;

        public readonly INamedTypeSymbol? ControllerBase;

        public readonly INamedTypeSymbol? ApiControllerAttribute;

        public readonly INamedTypeSymbol? ControllerAttribute;

        public readonly INamedTypeSymbol? NonActionAttribute;

        public readonly INamedTypeSymbol? NonControllerAttribute;

        public readonly INamedTypeSymbol? FromServicesAttribute;

        public readonly INamedTypeSymbol? FromKeyedServicesAttribute;

        public readonly INamedTypeSymbol? PageModel;

        public readonly INamedTypeSymbol? Hub;

        public readonly INamedTypeSymbol? GenericHub;

        public readonly INamedTypeSymbol? EndpointRouteBuilderExtensions;

        public readonly INamedTypeSymbol? EndpointRouteBuilder;

        public readonly INamedTypeSymbol? HttpContext;

        public readonly INamedTypeSymbol? HttpRequest;

        public readonly INamedTypeSymbol? HttpResponse;

        public readonly INamedTypeSymbol? Uri;

        public readonly INamedTypeSymbol? KernelArguments;

        /// <summary>
        /// The symbols, or null when the compilation has no prompt sink of the catalog and none is configured
        /// (<paramref name="sinksConfigured"/>, asked only then): then nothing else is looked up, so a project without an LLM SDK pays for
        /// no platform type.
        /// </summary>
        public static PromptSymbols? Create(Compilation compilation, Func<bool> sinksConfigured)
        {
            // Sink members are matched when a call, assignment or conversion is seen, by the declaring type and the
            // member's name: loading every member of some sixty SDK types up front costs more than the lookups. The
            // types themselves are looked up only for a declaring type of their name: some live in namespaces of
            // hundreds of types (Anthropic's beta messages) that a project may never use.
            var rowsByType = new Dictionary<string, List<SinkRow>>(StringComparer.Ordinal);
            foreach (var row in PromptCatalog.Sinks)
            {
                rowsByType.AddToList(row.Type, row);
            }

            var sinkRows = new LazyTypeMap<List<SinkRow>>();
            foreach (var pair in rowsByType)
            {
                sinkRows.Add(new LazyType(compilation, pair.Key), pair.Value);
            }

            return sinkRows.AnyExists() || sinksConfigured() ? new PromptSymbols(compilation, sinkRows) : null;
        }

        /// <summary>The argument rows of <paramref name="method"/> whose parameter exists and can carry prompt text.</summary>
        public bool TryGetArgumentSinks(IMethodSymbol method, out List<SinkRow> rows)
        {
            rows = null!;
            var definition = Definition(method);
            if (definition.ContainingType is not { } type || !_sinkRows.TryGetValue(type, out var candidates))
            {
                return false;
            }

            foreach (var row in candidates)
            {
                if (row.Kind != SinkMemberKind.Argument || row.Member != definition.Name)
                {
                    continue;
                }

                foreach (var parameter in definition.Parameters)
                {
                    if (parameter.Name == row.Parameter && CanCarryPromptText(parameter.Type))
                    {
                        (rows ??= new List<SinkRow>()).Add(row);
                        break;
                    }
                }
            }

            return rows != null;
        }

        public bool TryGetPropertySink(IPropertySymbol property, out SinkRow row)
        {
            row = null!;
            var definition = property.OriginalDefinition;
            if (definition.ContainingType is not { } type || !_sinkRows.TryGetValue(type, out var candidates))
            {
                return false;
            }

            foreach (var candidate in candidates)
            {
                if (candidate.Kind == SinkMemberKind.Property && candidate.Member == definition.Name)
                {
                    row = candidate;
                }
            }

            return row != null;
        }

        public bool TryGetConversionSink(IMethodSymbol conversion, out SinkRow row)
        {
            row = null!;
            var definition = conversion.OriginalDefinition;
            if (definition.Name != "op_Implicit" || definition.Parameters.Length != 1 || definition.Parameters[0].Type.SpecialType != SpecialType.System_String
                || definition.ContainingType is not { } type || !_sinkRows.TryGetValue(type, out var candidates))
            {
                return false;
            }

            foreach (var candidate in candidates)
            {
                if (candidate.Kind == SinkMemberKind.Conversion)
                {
                    row = candidate;
                }
            }

            return row != null;
        }

        /// <summary>
        /// The source row of <paramref name="member"/>: a row names a member of its type, or, when the type declares
        /// none of that name, of its nearest base type that does (the last matching row wins, as rows are ordered).
        /// </summary>
        public bool TryGetSource(ISymbol member, out SourceRow row)
        {
            row = null!;
            var definition = member is IMethodSymbol method ? Definition(method) : member.OriginalDefinition;
            if (definition.ContainingType is not { } declaringType || !_sourceRows.TryGetValue(definition.Name, out var rows))
            {
                return false;
            }

            foreach (var binding in rows)
            {
                var candidate = binding.Row;
                if (candidate.IsConstructor && definition is IMethodSymbol { Parameters.Length: > 0 } constructor && constructor.Parameters[0].Type.SpecialType != SpecialType.System_String)
                {
                    continue;
                }

                if (DeclaresFor(binding.Type, declaringType, definition.Name))
                {
                    row = candidate;
                }
            }

            return row != null;
        }

        /// <summary>Whether the members named <paramref name="name"/> that a row on <paramref name="rowType"/> means are those of <paramref name="declaringType"/>.</summary>
        private static bool DeclaresFor(INamedTypeSymbol rowType, INamedTypeSymbol declaringType, string name)
        {
            for (var current = rowType; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, declaringType))
                {
                    return true;
                }

                if (name == ".ctor" || !current.GetMembers(name).IsEmpty)
                {
                    return false;
                }
            }

            return false;
        }

        public bool TryGetContainerRole(ITypeSymbol? type, out SinkRole role)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (_systemContainers.Contains(current.OriginalDefinition))
                {
                    role = SinkRole.System;
                    return true;
                }

                if (_userContainers.Contains(current.OriginalDefinition))
                {
                    role = SinkRole.User;
                    return true;
                }
            }

            role = default;
            return false;
        }

        public bool IsRoleType(ITypeSymbol? type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return type != null && _roleTypes.Contains(type.OriginalDefinition);
        }

        public static IMethodSymbol Definition(IMethodSymbol method)
            => (method.ReducedFrom ?? method).OriginalDefinition;

        /// <summary>
        /// The methods of this compilation that implement <paramref name="method"/>, an interface member or an abstract method
        /// declared in source (a sanitizer injected as <c>IPromptSanitizer</c>); empty for any other method. Found once per
        /// member, by name, and only for the abstract members that a call asks about.
        /// </summary>
        public ImmutableArray<IMethodSymbol> ImplementationsOf(IMethodSymbol method)
        {
            method = Definition(method);
            if (!method.IsAbstract || method.Locations.IsEmpty || !method.Locations[0].IsInSource || method.ContainingType == null)
            {
                return ImmutableArray<IMethodSymbol>.Empty;
            }

            return _implementations.GetOrAdd(method, FindImplementations);
        }

        private ImmutableArray<IMethodSymbol> FindImplementations(IMethodSymbol method)
        {
            var found = ImmutableArray.CreateBuilder<IMethodSymbol>();
            foreach (var symbol in _compilation.GetSymbolsWithName(method.Name, SymbolFilter.Member))
            {
                if (symbol is IMethodSymbol { IsAbstract: false } candidate && candidate.ContainingType != null && Implements(candidate, method))
                {
                    found.Add(candidate);
                }
            }

            return found.ToImmutable();
        }

        /// <summary>The candidate implements or overrides <paramref name="method"/> (<c>IValidator&lt;string&gt;.Validate</c> for <c>IValidator&lt;T&gt;.Validate</c> too).</summary>
        private static bool Implements(IMethodSymbol candidate, IMethodSymbol method)
        {
            foreach (var target in candidate.WithImplementedMembers())
            {
                if (SymbolEqualityComparer.Default.Equals(target, method))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>String, objects and the SDK content types; not collections of messages.</summary>
        private static bool CanCarryPromptText(ITypeSymbol type)
            => type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Object
               || type.TypeKind is TypeKind.Class or TypeKind.Struct;

        /// <summary>A source row and the type it names, resolved in this compilation.</summary>
        private sealed class SourceBinding
        {
            public SourceBinding(INamedTypeSymbol type, SourceRow row)
            {
                Type = type;
                Row = row;
            }

            public readonly INamedTypeSymbol Type;

            public readonly SourceRow Row;
        }
    }
}
