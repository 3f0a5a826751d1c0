using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// Which configuration keys a project's code reads into a sink (AISEC020 in configuration files,
    /// docs/rules/AISEC020.md). Collected from operations during the compilation, resolved at its end:
    /// <list type="bullet">
    /// <item>direct reads: <c>configuration["A:B"]</c>, <c>GetValue&lt;string&gt;("A:B")</c>, <c>GetSection("A")["B"]</c>,
    /// <c>GetSection("A:B").Value</c>, <c>GetConnectionString("B")</c>;</item>
    /// <item>properties of options classes bound to a section: <c>Configure&lt;T&gt;(GetSection("A"))</c>,
    /// <c>GetSection("A").Bind(x)</c>, <c>GetSection("A").Get&lt;T&gt;()</c>, <c>AddOptions&lt;T&gt;().Bind(…)</c> /
    /// <c>.BindConfiguration("A")</c>; a property <c>B</c> read through any of them is key <c>A:B</c>;</item>
    /// <item>fields and properties assigned such a read (<c>_endpoint = configuration["A:B"]</c>) and read at the sink.</item>
    /// </list>
    /// Keys compare case-insensitively, as configuration keys do. Thread-safe: operation actions run concurrently.
    /// </summary>
    internal sealed class ConfigurationReads
    {
        private readonly INamedTypeSymbol? _configuration;
        private readonly ConcurrentBag<SinkRead> _sinkReads = new();
        private readonly ConcurrentBag<Binding> _bindings = new();
        private readonly ConcurrentDictionary<ISymbol, ConcurrentBag<Read>> _memberReads = new(SymbolEqualityComparer.Default);

        public ConfigurationReads(Compilation compilation)
        {
            _configuration = TypeResolver.Get(compilation, "Microsoft.Extensions.Configuration.IConfiguration");
        }

        /// <summary>False when the project cannot read configuration at all: nothing to link.</summary>
        public bool CanRead => _configuration != null;

        /// <summary>The value reaching a sink: records the configuration reads it is made of.</summary>
        public void RecordSink(IOperation value, string sink)
        {
            var reads = new List<Read>();
            Collect(value, reads, 0);
            foreach (var read in reads)
            {
                _sinkReads.Add(new SinkRead(read, sink));
            }
        }

        /// <summary>An assignment: a field or property of the project given a configuration read, or an options binding call.</summary>
        public void RecordAssignment(ISimpleAssignmentOperation assignment)
        {
            ISymbol? member = assignment.Target switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Property.Parameters.IsEmpty: true } property => property.Property,
                _ => null,
            };
            // Only members that can hold a URL, declared in source: every other assignment is skipped before its value is looked at.
            var type = assignment.Target.Type;
            if (member == null || type == null || !(type.IsString() || type.Name == "Uri") || member.Locations.IsEmpty || !member.Locations[0].IsInSource)
            {
                return;
            }

            var reads = new List<Read>();
            Collect(assignment.Value, reads, 0);
            if (reads.Count > 0)
            {
                var bag = _memberReads.GetOrAdd(member.OriginalDefinition, _ => new ConcurrentBag<Read>());
                foreach (var read in reads)
                {
                    bag.Add(read);
                }
            }
        }

        /// <summary>
        /// A field or property initializer of the project given a configuration read
        /// (<c>private readonly string _endpoint = configuration["A:B"] ?? throw …;</c> in a class with a primary constructor).
        /// </summary>
        public void RecordInitializer(ISymbolInitializerOperation initializer)
        {
            ImmutableArray<ISymbol> members = initializer switch
            {
                IFieldInitializerOperation field => ImmutableArray<ISymbol>.CastUp(field.InitializedFields),
                IPropertyInitializerOperation property => ImmutableArray<ISymbol>.CastUp(property.InitializedProperties),
                _ => ImmutableArray<ISymbol>.Empty,
            };
            if (members.Length != 1 || initializer.Value.Type is not { } type || !(type.IsString() || type.Name == "Uri"))
            {
                return;
            }

            var reads = new List<Read>();
            Collect(initializer.Value, reads, 0);
            if (reads.Count > 0)
            {
                var bag = _memberReads.GetOrAdd(members[0].OriginalDefinition, _ => new ConcurrentBag<Read>());
                foreach (var read in reads)
                {
                    bag.Add(read);
                }
            }
        }

        /// <summary>
        /// A <c>return</c> of a getter or method that gives a URL (<c>string Endpoint => _configuration["A:B"]!;</c>,
        /// <c>Uri GetEndpoint() => new(_configuration["A:B"]!)</c>): what it returns is what its callers read.
        /// </summary>
        public void RecordReturn(IReturnOperation returned, ISymbol containing)
        {
            if (returned.ReturnedValue == null || containing is not IMethodSymbol { Parameters.IsEmpty: true } method
                || !(method.ReturnType.IsString() || method.ReturnType.Name == "Uri"))
            {
                return;
            }

            for (var parent = returned.Parent; parent != null; parent = parent.Parent)
            {
                if (parent.Kind is OperationKind.AnonymousFunction or OperationKind.LocalFunction)
                {
                    // The return of a lambda or local function, not of the member.
                    return;
                }
            }

            var reads = new List<Read>();
            Collect(returned.ReturnedValue, reads, 0);
            if (reads.Count > 0)
            {
                var bag = _memberReads.GetOrAdd((method.AssociatedSymbol ?? method).OriginalDefinition, _ => new ConcurrentBag<Read>());
                foreach (var read in reads)
                {
                    bag.Add(read);
                }
            }
        }

        /// <summary>Options binding calls: <c>Configure&lt;T&gt;(section)</c>, <c>Bind</c>, <c>Get&lt;T&gt;</c>, <c>BindConfiguration</c>.</summary>
        public void RecordInvocation(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "Configure" when method.TypeArguments.Length == 1:
                    // services.Configure<T>(configuration.GetSection("A")) (named or with binder options too).
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Name == "config" && SectionPath(argument.Value) is { } configured)
                        {
                            _bindings.Add(new Binding(method.TypeArguments[0], configured));
                        }
                    }

                    break;
                case "Bind":
                    BindCall(invocation, method);
                    break;
                case "Get" or "GetRequired" when method.TypeArguments.Length == 1 && SectionPath(Receiver(invocation)) is { } got:
                    _bindings.Add(new Binding(method.TypeArguments[0], got));
                    break;
                case "BindConfiguration" when method.TypeArguments.Length == 1:
                    if (invocation.GetArgument("configSectionPath")?.Value.ConstantValue.Value is string path)
                    {
                        _bindings.Add(new Binding(method.TypeArguments[0], path));
                    }

                    break;
            }
        }

        private void BindCall(IInvocationOperation invocation, IMethodSymbol method)
        {
            if (method.TypeArguments.Length == 1 && invocation.GetArgument("config") is { } optionsConfig)
            {
                // services.AddOptions<T>().Bind(configuration.GetSection("A")).
                if (SectionPath(optionsConfig.Value) is { } bound)
                {
                    _bindings.Add(new Binding(method.TypeArguments[0], bound));
                }

                return;
            }

            // configuration.GetSection("A").Bind(instance) / configuration.Bind("A", instance).
            var instance = invocation.GetArgument("instance")?.Value.WalkDownConversions();
            var section = SectionPath(Receiver(invocation));
            if (instance?.Type == null || section == null)
            {
                return;
            }

            if (invocation.GetArgument("key")?.Value.ConstantValue.Value is string key)
            {
                section = Join(section, key);
            }

            _bindings.Add(new Binding(instance.Type, section));
        }

        /// <summary>
        /// The configuration keys read into sinks, each with the first sink (by name) it reaches: resolved once all of the
        /// compilation's operations were seen.
        /// </summary>
        public SinkKeys ResolveSinkKeys()
        {
            var keys = new SinkKeys();
            var bindings = ExpandBindings(_bindings.ToArray());
            foreach (var sinkRead in _sinkReads)
            {
                foreach (var key in Keys(sinkRead.Read, bindings, new HashSet<ISymbol>(SymbolEqualityComparer.Default)))
                {
                    keys.Add(key, sinkRead.Sink);
                }
            }

            return keys;
        }

        /// <summary>
        /// The bindings plus what they bind below them: the elements of a bound list, array or string-keyed dictionary
        /// (<c>Get&lt;List&lt;Backend&gt;&gt;()</c> on "Routing:Backends" binds <c>Backend</c> at "Routing:Backends:*"), and
        /// the project's own classes held in the bound type's properties, a few levels deep, so a property read through an
        /// element or a local (<c>foreach (var b in options.Value.Backends) … b.Url</c>) finds its key. Runs once, at the end.
        /// </summary>
        private static Binding[] ExpandBindings(Binding[] bindings)
        {
            if (bindings.Length == 0)
            {
                return bindings;
            }

            var expanded = new List<Binding>(bindings);
            for (var i = 0; i < expanded.Count && expanded.Count < 256; i++)
            {
                var binding = expanded[i];
                if (binding.Depth >= 4)
                {
                    continue;
                }

                if (ElementType(binding.Declared) is { } element)
                {
                    expanded.Add(new Binding(element, Join(binding.Section, "*"), binding.Depth + 1));
                    continue;
                }

                if (!IsProjectClass(binding.Declared))
                {
                    continue;
                }

                foreach (var member in binding.Declared.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, Type: { } type } property
                        && (IsProjectClass(type) || ElementType(type) != null))
                    {
                        expanded.Add(new Binding(type, Join(binding.Section, property.Name), binding.Depth + 1));
                    }
                }
            }

            return expanded.ToArray();
        }

        /// <summary>A class or record declared in the project (an options class), not a string or a collection.</summary>
        private static bool IsProjectClass(ITypeSymbol type)
            => type.TypeKind == TypeKind.Class && type.SpecialType == SpecialType.None && !type.Locations.IsEmpty && type.Locations[0].IsInSource;

        /// <summary>The element a configuration binder fills in a collection type: <c>T[]</c>, <c>List&lt;T&gt;</c> and its interfaces, a string-keyed dictionary's values; only the project's own classes.</summary>
        private static ITypeSymbol? ElementType(ITypeSymbol type)
        {
            ITypeSymbol? element = type switch
            {
                IArrayTypeSymbol { Rank: 1 } array => array.ElementType,
                INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "List" or "IList" or "ICollection" or "IEnumerable" or "IReadOnlyList" or "IReadOnlyCollection" } list => list.TypeArguments[0],
                INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 2, Name: "Dictionary" or "IDictionary" or "IReadOnlyDictionary" } map when map.TypeArguments[0].IsString() => map.TypeArguments[1],
                _ => null,
            };
            return element != null && IsProjectClass(element) ? element : null;
        }

        private IEnumerable<string> Keys(Read read, Binding[] bindings, HashSet<ISymbol> seen)
        {
            if (read.Key != null)
            {
                yield return read.Key;
                yield break;
            }

            if (read.Member != null && seen.Add(read.Member) && _memberReads.TryGetValue(read.Member, out var assigned))
            {
                foreach (var inner in assigned)
                {
                    foreach (var key in Keys(inner, bindings, seen))
                    {
                        yield return key;
                    }
                }
            }

            if (read.Owner != null && read.Suffix != null)
            {
                foreach (var binding in bindings)
                {
                    if (SymbolEqualityComparer.Default.Equals(binding.Type, read.Owner)
                        || (read.Owner is INamedTypeSymbol owner && binding.Type.InheritsFromOrEquals(owner)))
                    {
                        yield return Join(binding.Section, read.Suffix);
                    }
                }
            }
        }

        /// <summary>The configuration reads a sink value is made of: through conversions, <c>new Uri(…)</c>, <c>??</c>, concatenation, interpolation and locals.</summary>
        private void Collect(IOperation? value, List<Read> reads, int depth)
        {
            // Deep enough for any real chain; a value past it is simply not linked to a file (no finding is cleared).
            if (value == null || depth > 8)
            {
                return;
            }

            value = value.WalkDownConversions();
            switch (value)
            {
                case IObjectCreationOperation creation when creation.Type is { Name: "Uri" } && creation.Arguments.Length > 0:
                    Collect(creation.Arguments[0].Value, reads, depth + 1);
                    break;
                case ICoalesceOperation coalesce:
                    Collect(coalesce.Value, reads, depth + 1);
                    break;
                case IConditionalOperation conditional:
                    Collect(conditional.WhenTrue, reads, depth + 1);
                    Collect(conditional.WhenFalse, reads, depth + 1);
                    break;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    Collect(binary.LeftOperand, reads, depth + 1);
                    break;
                case IInterpolatedStringOperation interpolated when interpolated.Parts.Length > 0:
                    if (interpolated.Parts[0] is IInterpolationOperation first)
                    {
                        Collect(first.Expression, reads, depth + 1);
                    }

                    break;
                case ILocalReferenceOperation local:
                    Collect(local.Local.GetSingleInitializer(local), reads, depth + 1);
                    break;
                case IInvocationOperation invocation:
                    AddInvocationRead(invocation, reads);
                    break;
                case IPropertyReferenceOperation property:
                    AddPropertyRead(property, reads);
                    break;
                case IFieldReferenceOperation field:
                    reads.Add(Read.OfMember(field.Field.OriginalDefinition));
                    break;
            }
        }

        private void AddInvocationRead(IInvocationOperation invocation, List<Read> reads)
        {
            var method = invocation.TargetMethod;
            switch (method.Name)
            {
                case "GetValue" or "GetRequiredValue":
                    if (SectionPath(Receiver(invocation)) is { } prefix && invocation.GetArgument("key")?.Value.ConstantValue.Value is string key)
                    {
                        reads.Add(Read.OfKey(Join(prefix, key)));
                    }

                    break;
                case "GetEnvironmentVariable" when method.IsStatic && method.ContainingType is { Name: "Environment", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } }:
                    // Environment.GetEnvironmentVariable("AZURE_OPENAI_ENDPOINT"): what a launch profile's environmentVariables set.
                    if (invocation.Arguments.Length > 0 && invocation.Arguments[0].Value.ConstantValue.Value is string variable)
                    {
                        reads.Add(Read.OfKey(EnvironmentVariableKey(variable)));
                    }

                    break;
                case "GetConnectionString":
                    if (SectionPath(Receiver(invocation)) is { } root && invocation.GetArgument("name")?.Value.ConstantValue.Value is string name)
                    {
                        reads.Add(Read.OfKey(Join(Join(root, "ConnectionStrings"), name)));
                    }

                    break;
                case "Get" or "GetRequired" when method.TypeArguments.Length == 1 && method.TypeArguments[0].IsString():
                    if (SectionPath(Receiver(invocation)) is { } section)
                    {
                        reads.Add(Read.OfKey(section));
                    }

                    break;
                case var _ when invocation.Arguments.IsEmpty && !method.Locations.IsEmpty && method.Locations[0].IsInSource:
                    // A method of the project that returns a configuration read (see RecordReturn).
                    reads.Add(Read.OfMember(method.OriginalDefinition));
                    break;
                case "ToString" when invocation.Instance != null:
                    // options.Endpoint.ToString()
                    if (invocation.Instance.WalkDownConversions() is IPropertyReferenceOperation inner)
                    {
                        AddPropertyRead(inner, reads);
                    }

                    break;
            }
        }

        private void AddPropertyRead(IPropertyReferenceOperation property, List<Read> reads)
        {
            var symbol = property.Property;
            if (symbol.IsIndexer)
            {
                // configuration["A:B"], configuration.GetSection("A")["B"].
                if (property.Arguments.Length == 1 && property.Arguments[0].Value.ConstantValue.Value is string key
                    && SectionPath(property.Instance) is { } prefix)
                {
                    reads.Add(Read.OfKey(Join(prefix, key)));
                }

                return;
            }

            if (symbol.Name == "Value" && IsConfiguration(property.Instance?.Type))
            {
                // configuration.GetSection("A:B").Value.
                if (SectionPath(property.Instance) is { } path)
                {
                    reads.Add(Read.OfKey(path));
                }

                return;
            }

            reads.Add(Read.OfMember(symbol.OriginalDefinition));

            // options.Value.Llm.Endpoint: each receiver may be the bound options type, with the rest of the chain as the key.
            var suffix = symbol.Name;
            IOperation? receiver = property.Instance;
            while (receiver != null)
            {
                receiver = receiver.WalkDownConversions();
                if (receiver.Type is { } type && !IsOptionsAccessor(type))
                {
                    reads.Add(Read.OfOptions(type.OriginalDefinition, suffix));
                }

                if (receiver is IPropertyReferenceOperation { Property: { IsIndexer: false } outer } outerReference)
                {
                    if (!IsOptionsValue(outer))
                    {
                        suffix = outer.Name + ":" + suffix;
                    }

                    receiver = outerReference.Instance;
                }
                else
                {
                    break;
                }
            }
        }

        /// <summary><c>IOptions&lt;T&gt;.Value</c>, <c>IOptionsSnapshot&lt;T&gt;.Value</c>, <c>IOptionsMonitor&lt;T&gt;.CurrentValue</c>: the options object itself.</summary>
        private static bool IsOptionsValue(IPropertySymbol property)
            => property.Name is "Value" or "CurrentValue" && IsOptionsAccessor(property.ContainingType);

        private static bool IsOptionsAccessor(ITypeSymbol type)
            => type.Name.StartsWith("IOptions", StringComparison.Ordinal) && type.ContainingNamespace is { Name: "Options", ContainingNamespace.Name: "Extensions" };

        /// <summary>
        /// The configuration path an <c>IConfiguration</c> expression stands for: the root (<c>""</c>) for a configuration
        /// object, <c>A:B</c> for <c>GetSection("A").GetSection("B")</c>; null when not known (a section passed in).
        /// </summary>
        private string? SectionPath(IOperation? operation)
        {
            for (var depth = 0; operation != null && depth < 16; depth++)
            {
                operation = operation.WalkDownConversions();
                if (!IsConfiguration(operation.Type))
                {
                    return null;
                }

                switch (operation)
                {
                    case IInvocationOperation { TargetMethod.Name: "GetSection" or "GetRequiredSection" } getSection:
                        var key = getSection.GetArgument("key")?.Value.ConstantValue.Value as string;
                        var parent = key == null ? null : SectionPath(Receiver(getSection));
                        return parent == null ? null : Join(parent, key!);
                    case ILocalReferenceOperation local:
                        operation = local.Local.GetSingleInitializer(local);
                        continue;
                    default:
                        // A configuration object (builder.Configuration, an injected IConfiguration): the root, unless it is a
                        // section whose path is not known here.
                        return operation.Type!.Name == "IConfigurationSection" ? null : string.Empty;
                }
            }

            return null;
        }

        private bool IsConfiguration(ITypeSymbol? type)
        {
            if (type == null || _configuration == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type, _configuration))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, _configuration))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? Receiver(IInvocationOperation invocation)
            => invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

        /// <summary>
        /// The key under which a read of an environment variable is recorded: a prefix no configuration path can hold
        /// (':' cannot start a key), so only a launch profile's variable of that name matches it, never an appsettings key.
        /// </summary>
        public static string EnvironmentVariableKey(string name) => "::env:" + name;

        private static string Join(string prefix, string key) => prefix.Length == 0 ? key : key.Length == 0 ? prefix : prefix + ":" + key;

        /// <summary>One configuration read: a key, an options property (owner type and key below its section), or a member of the project.</summary>
        private sealed class Read
        {
            private Read(string? key, ITypeSymbol? owner, string? suffix, ISymbol? member)
            {
                Key = key;
                Owner = owner;
                Suffix = suffix;
                Member = member;
            }

            public readonly string? Key;

            public readonly ITypeSymbol? Owner;

            public readonly string? Suffix;

            public readonly ISymbol? Member;

            public static Read OfKey(string key) => new(key, null, null, null);

            public static Read OfOptions(ITypeSymbol owner, string suffix) => new(null, owner, suffix, null);

            public static Read OfMember(ISymbol member) => new(null, null, null, member);
        }

        private sealed class SinkRead
        {
            public SinkRead(Read read, string sink)
            {
                Read = read;
                Sink = sink;
            }

            public readonly Read Read;

            public readonly string Sink;
        }

        private sealed class Binding
        {
            public Binding(ITypeSymbol type, string section, int depth = 0)
            {
                Declared = type;
                Type = type.OriginalDefinition;
                Section = section;
                Depth = depth;
            }

            /// <summary>The bound type as written (<c>List&lt;Backend&gt;</c>): what the binder fills below the section.</summary>
            public readonly ITypeSymbol Declared;

            /// <summary>Its definition, compared with the owners of property reads.</summary>
            public readonly ITypeSymbol Type;

            public readonly string Section;

            /// <summary>How many levels below a binding of the code this one was found (<see cref="ExpandBindings"/>).</summary>
            public readonly int Depth;
        }

        /// <summary>
        /// The configuration keys code reads into sinks, each with its sink: exact keys, and keys with a <c>*</c> segment
        /// for the elements of a bound list or dictionary ("Routing:Backends:*:Url" matches "Routing:Backends:0:Url").
        /// Keys compare case-insensitively.
        /// </summary>
        internal sealed class SinkKeys
        {
            private readonly Dictionary<string, string> _exact = new(StringComparer.OrdinalIgnoreCase);
            private readonly Dictionary<string, string> _patterns = new(StringComparer.OrdinalIgnoreCase);

            public int Count => _exact.Count + _patterns.Count;

            public void Add(string key, string sink)
            {
                var map = key.IndexOf('*') >= 0 ? _patterns : _exact;
                if (!map.TryGetValue(key, out var existing) || string.CompareOrdinal(sink, existing) < 0)
                {
                    map[key] = sink;
                }
            }

            public bool TryGetValue(string key, out string sink)
            {
                if (_exact.TryGetValue(key, out sink!))
                {
                    return true;
                }

                foreach (var pattern in _patterns)
                {
                    if (Matches(pattern.Key, key))
                    {
                        sink = pattern.Value;
                        return true;
                    }
                }

                sink = null!;
                return false;
            }

            /// <summary>Segment by segment; <c>*</c> matches one whole segment.</summary>
            private static bool Matches(string pattern, string key)
            {
                var patternParts = pattern.Split(':');
                var keyParts = key.Split(':');
                if (patternParts.Length != keyParts.Length)
                {
                    return false;
                }

                for (var i = 0; i < patternParts.Length; i++)
                {
                    if (patternParts[i] != "*" && !string.Equals(patternParts[i], keyParts[i], StringComparison.OrdinalIgnoreCase))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
