using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>What a request-state rule says about one request: its diagnostics, through <c>report</c>.</summary>
    internal delegate void RequestJudge(RequestState state, AnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken);

    /// <summary>
    /// Requests (and nested configs) that a helper method builds and returns, judged with the callers that send them
    /// (docs/rules/AISEC010.md, "Requests built in helpers"). One per compilation and rule, made at compilation start:
    /// <list type="number">
    /// <item>the rule's per-method pass hands it every request state whose fate is <see cref="RequestFate.Returned"/>
    /// (<see cref="AddHelper"/>) and, for each method that calls a source method returning a tracked type, those calls
    /// and the request creations of the method (<see cref="IsHelperCall"/>, <see cref="AddCaller"/>);</item>
    /// <item>at the end of the compilation (<see cref="Report"/>) each such call is followed in its caller from the
    /// helper's state at its return (<see cref="RequestState.AnalyzeReturned"/>), and each such creation with the helpers'
    /// objects in place; the rule's judge decides, and its diagnostics are reported with the rule's compilation-end
    /// descriptor, naming the caller.</item>
    /// </list>
    /// A helper nobody calls is never judged; a caller that completes the request, stores it or hands it on decides as
    /// it would for a request it built itself. A helper with more than one returned object is judged per object when its
    /// call is the request itself, and is unknown (never reported) as a nested value.
    /// </summary>
    internal sealed class HelperRequests
    {
        private readonly AwsSdkCalls _calls;
        private readonly Func<ITypeSymbol, bool> _isTracked;
        private readonly ConcurrentDictionary<IMethodSymbol, List<IObjectCreationOperation>> _helpers = new(SymbolEqualityComparer.Default);
        private readonly ConcurrentBag<Caller> _callers = new();

        public HelperRequests(AwsSdkCalls calls, Func<ITypeSymbol, bool> isTracked)
        {
            _calls = calls;
            _isTracked = isTracked;
        }

        /// <summary>Records a request (or config) that <paramref name="owner"/> builds and returns.</summary>
        public void AddHelper(ISymbol? owner, RequestState? state)
        {
            if (state is not { Fate: RequestFate.Returned } || owner is not IMethodSymbol method)
            {
                return;
            }

            // A request built in a local function is that local function's: its calls name it.
            for (var current = state.Creation.Parent; current != null; current = current.Parent)
            {
                if (current is ILocalFunctionOperation { Symbol: { } localFunction })
                {
                    Register(localFunction.OriginalDefinition, state.Creation);
                    return;
                }
            }

            Register(method.OriginalDefinition, state.Creation);

            // A factory injected through an interface or a base class: calls name the interface or overridden member.
            var type = method.ContainingType;
            for (var overridden = method.OverriddenMethod; overridden != null; overridden = overridden.OverriddenMethod)
            {
                Register(overridden.OriginalDefinition, state.Creation);
            }

            if (type == null || method.MethodKind == MethodKind.ExplicitInterfaceImplementation)
            {
                foreach (var implemented in method.ExplicitInterfaceImplementations)
                {
                    Register(implemented.OriginalDefinition, state.Creation);
                }

                return;
            }

            foreach (var @interface in type.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method))
                    {
                        Register(((IMethodSymbol)member).OriginalDefinition, state.Creation);
                    }
                }
            }
        }

        private void Register(IMethodSymbol method, IObjectCreationOperation creation)
        {
            var list = _helpers.GetOrAdd(method, _ => new List<IObjectCreationOperation>());
            lock (list)
            {
                list.Add(creation);
            }
        }

        /// <summary>
        /// The type a method hands its caller: its return type, or <c>T</c> for an <c>async</c> method returning
        /// <c>Task&lt;T&gt;</c> / <c>ValueTask&lt;T&gt;</c> (the caller awaits it).
        /// </summary>
        public static ITypeSymbol? ReturnedType(IMethodSymbol? method)
        {
            if (method == null || method.ReturnsVoid)
            {
                return null;
            }

            return method.ReturnType is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1, Name: "Task" or "ValueTask" } task
                && task.ContainingNamespace is { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
                ? task.TypeArguments[0]
                : method.ReturnType;
        }

        /// <summary>True for a call of a method declared in this compilation whose return type is a tracked type (or a task of one).</summary>
        public bool IsHelperCall(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            // Most calls go to library methods, which have no syntax: that test is the cheap one to make first.
            return !method.ReturnsVoid && !method.DeclaringSyntaxReferences.IsEmpty && ReturnedType(method) is { } returned && _isTracked(returned);
        }

        /// <summary>
        /// Records a method that calls helpers: <paramref name="calls"/> (judged as requests when they are requests) and
        /// <paramref name="creations"/> (requests built in the method, judged again with the helpers' objects in them).
        /// </summary>
        public void AddCaller(ISymbol owner, IOperation anyBlock, List<IInvocationOperation> calls, List<IObjectCreationOperation> creations)
        {
            if (calls.Count == 0)
            {
                return;
            }

            // The caller's whole declaration (a constructor's initializer and body, a method's parameters and body).
            var scope = owner.DeclaringSyntaxReferences.Length == 1 ? owner.DeclaringSyntaxReferences[0].GetSyntax() : anyBlock.GetRoot().Syntax;
            _callers.Add(new Caller(owner, scope, calls, creations));
        }

        /// <summary>Judges every recorded caller with the helpers it calls; reports through <paramref name="acrossMethods"/>'s descriptors.</summary>
        public void Report(CompilationAnalysisContext context, RequestJudge judge, Func<DiagnosticDescriptor, DiagnosticDescriptor> acrossMethods)
        {
            if (_helpers.IsEmpty || _callers.IsEmpty)
            {
                return;
            }

            var cancellationToken = context.CancellationToken;
            var returned = new Dictionary<IObjectCreationOperation, ObjectState?>();
            ObjectState? StateAtReturn(IObjectCreationOperation creation)
            {
                if (!returned.TryGetValue(creation, out var state))
                {
                    // A helper's own helpers (Definition() => new() { ResourceConfig = Resources(4) }) are followed too;
                    // the null placed first stops a helper that reaches itself.
                    returned.Add(creation, null);
                    state = RequestState.Analyze(creation, _calls, Resolve, cancellationToken) is { Fate: RequestFate.Returned } analyzed ? analyzed.Root : null;
                    returned[creation] = state;
                }

                return state;
            }

            ObjectState? Resolve(IInvocationOperation call)
            {
                if (!_helpers.TryGetValue(call.TargetMethod.OriginalDefinition, out var creations) || creations.Count != 1)
                {
                    return null;
                }

                return StateAtReturn(creations[0])?.CopyFromHelper(call);
            }

            var reported = new HashSet<LocatedKey>();
            var callers = new List<Caller>(_callers);
            callers.Sort((a, b) => SourceOrder.Compare(a.Scope, b.Scope));
            foreach (var caller in callers)
            {
                var callerName = CallerName(caller.Owner);
                foreach (var call in caller.Calls)
                {
                    if (!_helpers.TryGetValue(call.TargetMethod.OriginalDefinition, out var creations))
                    {
                        continue;
                    }

                    foreach (var creation in creations)
                    {
                        var helperState = StateAtReturn(creation);
                        if (helperState == null)
                        {
                            continue;
                        }

                        var state = RequestState.AnalyzeReturned(call, helperState.CopyFromHelper(call), _calls, Resolve, cancellationToken);
                        if (state != null)
                        {
                            judge(state, context.Options, d => Emit(context, reported, acrossMethods, d, callerName), cancellationToken);
                        }
                    }
                }

                foreach (var creation in caller.Creations)
                {
                    var state = RequestState.Analyze(creation, _calls, Resolve, cancellationToken);
                    if (state == null)
                    {
                        continue;
                    }

                    // What the caller builds itself was judged in its own method: only what lies in a helper's object is new,
                    // and a finding in the caller's code that only the helper's object reveals (ResourceConfig = Build(count):
                    // an instance count that is not the constant 1) where its own method, not seeing into the helper, found none.
                    HashSet<LocatedKey>? own = null;
                    judge(state, context.Options, d =>
                    {
                        if (IsInside(d.Location, caller.Scope))
                        {
                            own ??= OwnFindings(creation, judge, context.Options, cancellationToken);
                            if (own.Contains(new LocatedKey(d.Location, d.Id)))
                            {
                                return;
                            }
                        }

                        Emit(context, reported, acrossMethods, d, callerName);
                    }, cancellationToken);
                }
            }
        }

        /// <summary>What the per-method pass found for a request (judged without the helpers' objects): location and rule id.</summary>
        private HashSet<LocatedKey> OwnFindings(IObjectCreationOperation creation, RequestJudge judge, AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var found = new HashSet<LocatedKey>();
            if (RequestState.Analyze(creation, _calls, cancellationToken) is { } state)
            {
                judge(state, options, d => found.Add(new LocatedKey(d.Location, d.Id)), cancellationToken);
            }

            return found;
        }

        private static void Emit(CompilationAnalysisContext context, HashSet<LocatedKey> reported, Func<DiagnosticDescriptor, DiagnosticDescriptor> acrossMethods, Diagnostic diagnostic, string callerName)
        {
            var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
            if (!reported.Add(new LocatedKey(diagnostic.Location, message + "|" + callerName)))
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(acrossMethods(diagnostic.Descriptor), diagnostic.Location, diagnostic.AdditionalLocations, diagnostic.Properties, message, callerName));
        }

        private static bool IsInside(Location location, SyntaxNode node)
            => location.SourceTree == node.SyntaxTree && node.Span.Contains(location.SourceSpan);

        private static string CallerName(ISymbol owner)
            => owner.ContainingType is { } type ? type.Name + "." + owner.Name : owner.Name;

        private sealed class Caller
        {
            public Caller(ISymbol owner, SyntaxNode scope, List<IInvocationOperation> calls, List<IObjectCreationOperation> creations)
            {
                Owner = owner;
                Scope = scope;
                Calls = calls;
                Creations = creations;
            }

            public readonly ISymbol Owner;

            /// <summary>The caller's declaration.</summary>
            public readonly SyntaxNode Scope;

            public readonly List<IInvocationOperation> Calls;

            public readonly List<IObjectCreationOperation> Creations;
        }
    }
}
