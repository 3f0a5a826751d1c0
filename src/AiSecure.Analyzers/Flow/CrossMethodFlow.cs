using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// One method's flow: the taint engine over its operation blocks, asked about the method's own sinks while the
    /// method is analyzed, and later, at the end of the compilation, about the arguments it passes and the values
    /// it returns when another method's flow depends on them.
    /// </summary>
    internal sealed class MethodFlow
    {
        private readonly ImmutableArray<IOperation> _roots;
        private TaintEngine? _engine;
        private TaintValue? _returns;
        private Dictionary<int, TaintValue>? _elementReturns;
        private Dictionary<string, TaintValue>? _memberReturns;

        public MethodFlow(IMethodSymbol method, ITaintPolicy policy, ImmutableArray<IOperation> roots, CancellationToken cancellationToken)
        {
            Method = method;
            Policy = policy;
            _roots = roots;
            _cancellationToken = cancellationToken;
        }

        public readonly IMethodSymbol Method;

        public readonly ITaintPolicy Policy;

        /// <summary>The token of the method's own block action.</summary>
        private readonly CancellationToken _cancellationToken;

        public TaintEngine Engine => _engine ??= new TaintEngine(Policy, _roots, _cancellationToken, owner: Method);

        /// <summary>The semantic model the method's own block was analyzed with: reads declarations of its file at the end of the compilation.</summary>
        public SemanticModel? Model => _roots[0].SemanticModel;

        /// <summary>Where the method's body starts (a flow is made only for a method with operation blocks): orders flows deterministically.</summary>
        public SyntaxNode Start => _roots[0].Syntax;

        /// <summary>The value of one of this method's operations (a value it writes into a member), under the compilation end's token.</summary>
        public TaintValue EvaluateOperation(IOperation operation, CancellationToken cancellationToken)
        {
            Engine.CancellationToken = cancellationToken;
            return Engine.Evaluate(operation);
        }

        /// <summary>The value this method passes for parameter <paramref name="ordinal"/> of a call, under the compilation end's token.</summary>
        public TaintValue EvaluateArgument(ImmutableArray<IArgumentOperation> arguments, int ordinal, CancellationToken cancellationToken, string? member = null)
        {
            Engine.CancellationToken = cancellationToken;
            return Engine.EvaluateArgument(arguments, ordinal, member);
        }

        /// <summary>This method's return value in terms of sources, its parameters and the helpers it calls (computed once).</summary>
        public TaintValue EvaluateReturns(int element, CancellationToken cancellationToken, string? member = null)
        {
            Engine.CancellationToken = cancellationToken;
            if (member != null)
            {
                _memberReturns ??= new Dictionary<string, TaintValue>(StringComparer.Ordinal);
                if (!_memberReturns.TryGetValue(member, out var read))
                {
                    _memberReturns[member] = read = Engine.EvaluateReturns(element, member);
                }

                return read;
            }

            if (element == -1)
            {
                return _returns ??= Engine.EvaluateReturns();
            }

            _elementReturns ??= new Dictionary<int, TaintValue>();
            if (!_elementReturns.TryGetValue(element, out var value))
            {
                _elementReturns[element] = value = Engine.EvaluateReturns(element);
            }

            return value;
        }
    }

    /// <summary>A call to a method of this compilation that passes text, kept for flows across methods.</summary>
    internal sealed class CallSite
    {
        private readonly ImmutableArray<IArgumentOperation> _arguments;

        public CallSite(MethodFlow caller, SyntaxNode syntax, IMethodSymbol callee, ImmutableArray<IArgumentOperation> arguments)
        {
            Caller = caller;
            Syntax = syntax;
            Callee = callee;
            _arguments = arguments;
        }

        public readonly MethodFlow Caller;

        /// <summary>The call; a location is made only for the few calls a diagnostic names.</summary>
        public readonly SyntaxNode Syntax;

        public readonly IMethodSymbol Callee;

        /// <summary>Type.Method of the caller, for the message; computed only when a diagnostic names this caller.</summary>
        public string CallerName
        {
            get
            {
                var method = Caller.Method;
                return $"{method.ContainingType?.Name}.{(method.MethodKind == MethodKind.Constructor ? method.ContainingType?.Name : method.Name)}";
            }
        }

        /// <summary>Runs the caller's taint engine on one argument, only when the callee's parameter reaches a sink.</summary>
        public TaintValue Evaluate(int ordinal, CancellationToken cancellationToken, string? member = null) => Caller.EvaluateArgument(_arguments, ordinal, cancellationToken, member);
    }

    /// <summary>A value a method writes into a field or property of its object (or a static one), kept for the methods that read it.</summary>
    internal sealed class MemberWrite
    {
        private readonly MethodFlow? _writer;
        private readonly ITaintPolicy _policy;
        private readonly ImmutableArray<IOperation> _roots;
        private TaintEngine? _engine;

        public MemberWrite(ISymbol member, MethodFlow? writer, ITaintPolicy policy, ImmutableArray<IOperation> roots, IOperation value)
        {
            Member = member;
            _writer = writer;
            _policy = policy;
            _roots = roots;
            Value = value;
        }

        /// <summary>The field or property written (its original definition).</summary>
        public readonly ISymbol Member;

        /// <summary>The value written: an assignment's value in a method, or a member's initializer.</summary>
        public readonly IOperation Value;

        /// <summary>What the write stores, evaluated by the writing method's engine (a field initializer gets its own), under the compilation end's token.</summary>
        public TaintValue Evaluate(CancellationToken cancellationToken)
        {
            if (_writer != null)
            {
                return _writer.EvaluateOperation(Value, cancellationToken);
            }

            _engine ??= new TaintEngine(_policy, _roots, cancellationToken);
            _engine.CancellationToken = cancellationToken;
            return _engine.Evaluate(Value);
        }
    }

    /// <summary>What <see cref="CrossMethodFlow.Resolve"/> found: the source (an origin with a display) as the sink sees it, and the caller that passes it.</summary>
    internal sealed class ResolvedOrigin
    {
        public ResolvedOrigin(TaintOrigin origin, string? caller)
        {
            Origin = origin;
            Caller = caller;
        }

        /// <summary>The source, composed and cleared as it was anywhere on the way.</summary>
        public readonly TaintOrigin Origin;

        /// <summary>The caller that passes it, for a parameter origin.</summary>
        public readonly string? Caller;
    }

    /// <summary>
    /// Flows across the methods of one compilation, for every flow rule (docs/rules/AISEC001.md, "Across methods"):
    /// parameter-to-sink (a sink in a helper is reported when some caller passes a source), return values (a helper
    /// that returns text built from a source, or from its own parameter, gives it to its caller), receivers (a
    /// helper reading properties of the object it is called on) and methods whose parameters are sources because of
    /// where they are registered (a minimal-API handler given as a method group). Methods record their calls and
    /// returns unevaluated while they are analyzed, from any thread; at the end of the compilation only what a
    /// waiting sink depends on is evaluated, each once, on one thread.
    /// </summary>
    internal sealed class CrossMethodFlow
    {
        /// <summary>How many calls a flow is followed through; past it the origin is unknown (not reported), never clean.</summary>
        private const int MaxCallDepth = 8;

        private readonly ConcurrentBag<CallSite> _callSites = new();
        private readonly ConcurrentBag<MethodFlow> _returnProviders = new();
        private readonly ConcurrentDictionary<IMethodSymbol, Func<IParameterSymbol, string?>> _sourceMethods = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentBag<MemberWrite> _memberWrites = new();
        private readonly ConcurrentDictionary<SyntaxTree, MethodFlow> _treeModels = new();
        private readonly ConcurrentDictionary<IMethodSymbol, HelperGuard> _sourceChecks = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IMethodSymbol, bool> _uncheckedSources = new(SymbolEqualityComparer.Default);
        private Dictionary<HelperGuard, int>? _guardVerdicts;
        private Dictionary<IMethodSymbol, List<CallSite>>? _byCallee;
        private Dictionary<ISymbol, List<MemberWrite>>? _byMember;
        private Dictionary<IMethodSymbol, MethodFlow>? _returnProviderIndex;
        private Dictionary<IMethodSymbol, List<MethodFlow>>? _implementations;

        /// <summary>Keeps a call of a method of this compilation that passes text (not a sanitizer's) for callers' flows.</summary>
        public void RecordCall(MethodFlow caller, IOperation call, IMethodSymbol callee, ImmutableArray<IArgumentOperation> arguments)
        {
            if (arguments.IsEmpty || !IsInSource(callee))
            {
                return;
            }

            // The arguments' types before the callee's attributes: most calls of this compilation pass no text.
            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && caller.Policy.Types.CanCarryText(argument.Parameter.Type))
                {
                    if (caller.Policy.SanitizedKinds(callee) != SinkKinds.AllKinds)
                    {
                        _callSites.Add(new CallSite(caller, call.Syntax, (callee.ReducedFrom ?? callee).OriginalDefinition, arguments));
                    }

                    return;
                }
            }
        }

        /// <summary>
        /// Keeps what <paramref name="writer"/> assigns to a field or property of its own object (or a static one) of this
        /// compilation: <c>_answer = response.Text</c>, <c>Html += chunk</c>. Only for policies that follow members.
        /// </summary>
        public void RecordMemberWrite(MethodFlow writer, IOperation assignment)
        {
            if (!writer.Policy.FollowsMemberWrites)
            {
                return;
            }

            var (target, value) = assignment switch
            {
                ISimpleAssignmentOperation simple => (simple.Target, simple.Value),
                ICompoundAssignmentOperation compound => (compound.Target, compound.Value),
                ICoalesceAssignmentOperation coalesce => (coalesce.Target, coalesce.Value),
                _ => (null!, null!),
            };

            ISymbol? member = target switch
            {
                IFieldReferenceOperation { Field.IsConst: false, Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } field => field.Field,
                IPropertyReferenceOperation { Arguments.IsEmpty: true, Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } property => property.Property,
                _ => null,
            };

            if (member != null && value != null && !member.Locations.IsEmpty && member.Locations[0].IsInSource && writer.Policy.Types.CanCarryText(target.Type))
            {
                _memberWrites.Add(new MemberWrite(member.OriginalDefinition, writer, writer.Policy, ImmutableArray<IOperation>.Empty, value));
            }
        }

        /// <summary>
        /// Keeps what a field's or property's initializer stores (<c>private readonly string _repository = repository;</c>, a
        /// primary constructor's parameter): a write to the member, like an assignment in a constructor.
        /// </summary>
        public void RecordInitializer(ITaintPolicy policy, ImmutableArray<IOperation> roots)
        {
            if (!policy.FollowsMemberWrites)
            {
                return;
            }

            foreach (var root in roots)
            {
                switch (root)
                {
                    case IFieldInitializerOperation fieldInitializer:
                        foreach (var field in fieldInitializer.InitializedFields)
                        {
                            if (!field.IsConst && policy.Types.CanCarryText(field.Type))
                            {
                                _memberWrites.Add(new MemberWrite(field.OriginalDefinition, null, policy, roots, fieldInitializer.Value));
                            }
                        }

                        break;
                    case IPropertyInitializerOperation propertyInitializer:
                        foreach (var property in propertyInitializer.InitializedProperties)
                        {
                            if (policy.Types.CanCarryText(property.Type))
                            {
                                _memberWrites.Add(new MemberWrite(property.OriginalDefinition, null, policy, roots, propertyInitializer.Value));
                            }
                        }

                        break;
                }
            }
        }

        /// <summary>
        /// Keeps a method that returns text (or an object of this compilation), or hands it out through an <c>out</c>
        /// parameter, for callers whose value it builds; and, once per file, the file's semantic model.
        /// </summary>
        public void RecordReturns(MethodFlow flow)
        {
            var method = flow.Method;
            if (!IsInSource(method))
            {
                return;
            }

            if ((!method.ReturnsVoid && ReturnsText(method.ReturnType)) || HasTextOutParameter(method))
            {
                _returnProviders.Add(flow);
            }

            // One method per file keeps the file's semantic model, to read a check that a guard of another file calls
            // (InputRules.IsSafeSlug, PathGuard.EnsureInside) at the end, only if one does.
            var tree = flow.Start.SyntaxTree;
            if (!_treeModels.ContainsKey(tree))
            {
                _treeModels.TryAdd(tree, flow);
            }
        }

        /// <summary>
        /// The sink kinds for which the helper of <paramref name="guard"/> (or its alternative) validates its parameter, read
        /// from its own declaration with the semantic model of its file: every kind for a validation, the policy's path kinds
        /// for a check of the path's shape only (containment, rooted or <c>..</c>: docs/rules/AISEC003.md), none for a file
        /// never seen (fail closed). Decided once per helper check.
        /// </summary>
        private int GuardKinds(HelperGuard guard)
        {
            _guardVerdicts ??= new Dictionary<HelperGuard, int>(HelperGuardComparer.Instance);
            if (!_guardVerdicts.TryGetValue(guard, out var kinds))
            {
                kinds = SinkKinds.None;
                var declarations = guard.Parameter.ContainingSymbol.DeclaringSyntaxReferences;
                if (declarations.Length == 1 && _treeModels.TryGetValue(declarations[0].SyntaxTree, out var file) && file.Model is { } model)
                {
                    kinds = SinkKinds.ClearedBy(file.Policy, policy => Guards.HelperValidates(policy, guard, model));
                }

                // Either helper's check holds after an either-or guard that passed: what each validates is validated.
                if (kinds != SinkKinds.AllKinds && guard.Alternative != null)
                {
                    kinds |= GuardKinds(guard.Alternative);
                }

                _guardVerdicts[guard] = kinds;
            }

            return kinds;
        }

        private static bool HasTextOutParameter(IMethodSymbol method)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.RefKind == RefKind.Out && ReturnsText(parameter.Type))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The parameters of <paramref name="method"/> are sources, described by <paramref name="describe"/> (a handler or a
        /// tool registered as a method group); a parameter it describes as null (an injected service) is not.
        /// </summary>
        public void AddParameterSource(IMethodSymbol method, Func<IParameterSymbol, string?> describe, HelperGuard? check = null)
        {
            var key = method.OriginalDefinition;
            _sourceMethods.TryAdd(key, describe);
            if (check == null)
            {
                _uncheckedSources.TryAdd(key, true);
            }
            else
            {
                _sourceChecks.TryAdd(key, check);
            }
        }

        /// <summary>A helper of another file that may still make <paramref name="method"/>'s parameters no sources (every registration of it is so checked).</summary>
        private HelperGuard? SourceCheck(IMethodSymbol method)
            => !_uncheckedSources.ContainsKey(method) && _sourceChecks.TryGetValue(method, out var check) ? check : null;

        /// <summary>
        /// The first source behind <paramref name="origin"/> that <paramref name="accept"/> takes: through the callers of a
        /// parameter's method (in source order), the summary of a called helper, or the receiver a helper is called on.
        /// Called at the end of the compilation only.
        /// </summary>
        public ResolvedOrigin? Resolve(TaintOrigin origin, CancellationToken cancellationToken, Func<TaintOrigin, bool>? accept = null)
            => Resolve(origin, 0, new HashSet<object>(), cancellationToken, accept);

        private ResolvedOrigin? Resolve(TaintOrigin origin, int depth, HashSet<object> visited, CancellationToken cancellationToken, Func<TaintOrigin, bool>? accept)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (origin.Guard != null && GuardKinds(origin.Guard) is var guarded and not SinkKinds.None)
            {
                if (guarded == SinkKinds.AllKinds)
                {
                    // Checked on the way by a helper of another file that validates it.
                    return null;
                }

                // Checked by a helper of another file for its shape as a path only: still model text for the other kinds.
                origin = origin.WithCleared(guarded);
            }

            if (origin.Display != null)
            {
                return accept == null || accept(origin) ? new ResolvedOrigin(origin, null) : null;
            }

            if (depth > MaxCallDepth)
            {
                return null;
            }

            if (origin.Parameter is { } parameter && parameter.ContainingSymbol is IMethodSymbol method)
            {
                if (!visited.Add(parameter))
                {
                    return null;
                }

                if (_sourceMethods.TryGetValue(method.OriginalDefinition, out var describe) && describe(parameter) is { } described)
                {
                    var checkedKinds = SourceCheck(method.OriginalDefinition) is { } check ? GuardKinds(check) : SinkKinds.None;
                    if (checkedKinds == SinkKinds.AllKinds)
                    {
                        return null;
                    }

                    var source = TaintOrigin.Source(described).Through(origin).WithCleared(checkedKinds);
                    return accept == null || accept(source) ? new ResolvedOrigin(source, null) : null;
                }

                // Calls reach the method directly, or through the interface member or base method it implements.
                foreach (var target in method.WithImplementedMembers())
                {
                    if (!CallSitesByCallee().TryGetValue(target, out var sites))
                    {
                        continue;
                    }

                    foreach (var site in sites)
                    {
                        foreach (var argumentOrigin in site.Evaluate(parameter.Ordinal, cancellationToken, origin.ReadMember).Origins)
                        {
                            if (Resolve(argumentOrigin.Through(origin), depth + 1, visited, cancellationToken, accept) is { } found)
                            {
                                return new ResolvedOrigin(found.Origin, site.CallerName);
                            }
                        }
                    }
                }

                return null;
            }

            if (origin.Member is { } member)
            {
                if (!visited.Add(member) || !MemberWritesByMember().TryGetValue(member, out var writes))
                {
                    return null;
                }

                foreach (var write in writes)
                {
                    foreach (var written in write.Evaluate(cancellationToken).Origins)
                    {
                        if (Resolve(written.Through(origin), depth + 1, visited, cancellationToken, accept) is { } found)
                        {
                            return found;
                        }
                    }
                }

                return null;
            }

            if (origin.Call is { } call)
            {
                if (!visited.Add(call))
                {
                    return null;
                }

                // Every body that can run: the method itself, or each implementation of an interface member or abstract
                // method (an IPromptStrategy per model provider), in source order.
                foreach (var callee in ImplementationsOf(call.Callee))
                {
                    foreach (var returned in callee.EvaluateReturns(call.Element, cancellationToken, call.Member).Origins)
                    {
                        var outer = returned.Through(origin);
                        var ordinal = int.MinValue;
                        string? readMember = null;
                        if (returned.ReceiverOf != null && SymbolEqualityComparer.Default.Equals(returned.ReceiverOf.OriginalDefinition, call.Callee.OriginalDefinition))
                        {
                            // The helper reads properties of the object it is called on: follow the caller's receiver.
                            ordinal = -1;
                        }
                        else if (returned.Parameter is { } calleeParameter && SymbolEqualityComparer.Default.Equals(calleeParameter.ContainingSymbol.OriginalDefinition, call.Callee.OriginalDefinition))
                        {
                            // The helper returns (part of) what the caller passed: follow the caller's argument.
                            ordinal = calleeParameter.Ordinal;
                            readMember = returned.ReadMember;
                        }

                        if (ordinal == int.MinValue)
                        {
                            if (Resolve(outer, depth + 1, visited, cancellationToken, accept) is { } found)
                            {
                                return found;
                            }

                            continue;
                        }

                        foreach (var passed in call.EvaluateArgument(ordinal, cancellationToken, readMember).Origins)
                        {
                            if (Resolve(passed.Through(outer), depth + 1, visited, cancellationToken, accept) is { } found)
                            {
                                return found;
                            }
                        }
                    }
                }
            }

            return null;
        }

        private Dictionary<IMethodSymbol, List<CallSite>> CallSitesByCallee()
            => _byCallee ??= InSourceOrder(_callSites, static site => site.Callee, static site => site.Syntax);

        private Dictionary<ISymbol, List<MemberWrite>> MemberWritesByMember()
            => _byMember ??= InSourceOrder(_memberWrites, static write => write.Member, static write => write.Value.Syntax);

        /// <summary>
        /// <paramref name="items"/> grouped by <paramref name="keyOf"/>, each group in source order, so that what a diagnostic
        /// names (a caller, a write) does not depend on thread timing.
        /// </summary>
        private static Dictionary<TKey, List<T>> InSourceOrder<TKey, T>(IEnumerable<T> items, Func<T, TKey> keyOf, Func<T, SyntaxNode> syntaxOf)
            where TKey : class, ISymbol
        {
            var map = new Dictionary<TKey, List<T>>(SymbolEqualityComparer.Default);
            foreach (var item in items)
            {
                map.AddToList(keyOf(item), item);
            }

            foreach (var list in map.Values)
            {
                if (list.Count > 1)
                {
                    list.Sort((a, b) => SourceOrder.Compare(syntaxOf(a), syntaxOf(b)));
                }
            }

            return map;
        }

        /// <summary>The bodies behind a called method: the method itself, or every implementation of an interface member or abstract method.</summary>
        private IReadOnlyList<MethodFlow> ImplementationsOf(IMethodSymbol callee)
        {
            var definition = callee.OriginalDefinition;
            if (_returnProviderIndex == null)
            {
                _returnProviderIndex = new Dictionary<IMethodSymbol, MethodFlow>(SymbolEqualityComparer.Default);
                var providers = new List<MethodFlow>(_returnProviders);
                providers.Sort(static (a, b) => SourceOrder.Compare(a.Start, b.Start));
                foreach (var flow in providers)
                {
                    if (!_returnProviderIndex.ContainsKey(flow.Method.OriginalDefinition))
                    {
                        _returnProviderIndex[flow.Method.OriginalDefinition] = flow;
                    }
                }
            }

            if (_returnProviderIndex.TryGetValue(definition, out var direct))
            {
                return new[] { direct };
            }

            if (_implementations == null)
            {
                _implementations = new Dictionary<IMethodSymbol, List<MethodFlow>>(SymbolEqualityComparer.Default);
                foreach (var provider in _returnProviderIndex)
                {
                    foreach (var target in provider.Key.WithImplementedMembers())
                    {
                        if (SymbolEqualityComparer.Default.Equals(target, provider.Key))
                        {
                            continue;
                        }

                        // Several implementations of one member: any of them may run, so each is followed.
                        _implementations.AddToList(target, provider.Value);
                    }
                }

                foreach (var implementations in _implementations.Values)
                {
                    implementations.Sort(static (a, b) => SourceOrder.Compare(a.Start, b.Start));
                }
            }

            return _implementations.TryGetValue(definition, out var found) ? found : Array.Empty<MethodFlow>();
        }

        private static bool IsInSource(IMethodSymbol method)
            => !method.Locations.IsEmpty && method.Locations[0].IsInSource;

        /// <summary>A task or a collection of one element type: what it holds is what the helper returns.</summary>
        private static bool IsWrapper(string name)
            => name is "Task" or "ValueTask" or "IEnumerable" or "IAsyncEnumerable" or "List" or "IReadOnlyList" or "IList"
                or "ICollection" or "IReadOnlyCollection" or "ImmutableArray" or "ImmutableList" or "HashSet" or "ISet" or "IQueryable";

        /// <summary>Text, or an object of this compilation, possibly in a Task, a sequence or an array: what a helper returns that a flow can carry.</summary>
        private static bool ReturnsText(ITypeSymbol type)
        {
            // Task<IReadOnlyList<Article>>, ValueTask<Dictionary<string, string>>, Task<Article[]>: unwrap every layer.
            for (var layer = 0; layer < 4; layer++)
            {
                if (type is IArrayTypeSymbol array)
                {
                    type = array.ElementType;
                }
                else if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic && IsWrapper(generic.Name))
                {
                    type = generic.TypeArguments[0];
                }
                else if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 2 } map
                    && map.Name is "Dictionary" or "IDictionary" or "IReadOnlyDictionary" or "ImmutableDictionary" or "KeyValuePair")
                {
                    type = map.TypeArguments[1];
                }
                else
                {
                    break;
                }
            }

            // A tuple's element types are its type arguments (an eighth and later elements are a nested tuple, the
            // last argument). TupleElements would build the tuple's element fields, wrapping every member of ValueTuple.
            if (type is INamedTypeSymbol { IsTupleType: true } tupleType)
            {
                foreach (var elementType in tupleType.TypeArguments)
                {
                    if (ReturnsText(elementType))
                    {
                        return true;
                    }
                }

                return false;
            }

            return type.SpecialType is SpecialType.System_String or SpecialType.System_Object
                   || (type.TypeKind is TypeKind.Class or TypeKind.Struct && !type.Locations.IsEmpty && type.Locations[0].IsInSource)
                   || type.Name == "StringBuilder";
        }
    }
}
