using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>
    /// AISEC003: model output or a tool argument reaches SQL text, a process, raw HTML, a file system path or an outbound
    /// URL without validation. Sinks are
    /// <see cref="DangerousSinks"/>, sources <see cref="ModelOutputPolicy"/>; the flow is the shared <see cref="TaintEngine"/>
    /// and, across methods, <see cref="CrossMethodFlow"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ModelOutputAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the sink kind (<see cref="DangerousSinkKind"/>).</summary>
        internal const string SinkKindProperty = "SinkKind";

        /// <summary>Diagnostic property: the value is a tool argument of an <c>AIFunctionFactory.Create</c> lambda; its value names the lambda's parameter.</summary>
        internal const string RequireApprovalProperty = "RequireApproval";

        /// <summary>Diagnostic property: the path is <c>Path.Combine(root, value)</c>, at the sink (<see cref="ConfineInline"/>) or in the local the sink reads (<see cref="ConfineLocal"/>).</summary>
        internal const string ConfinePathProperty = "ConfinePath";

        internal const string ConfineInline = "Inline";

        internal const string ConfineLocal = "Local";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.ModelOutputToDangerousSink, Descriptors.ModelOutputToDangerousSinkAcrossMethods);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            if (ModelOutputCatalog.Create(context.Compilation) is not { } catalog)
            {
                return;
            }

            var state = new CompilationState(catalog, TextTypes.Create(context.Compilation), new ConfiguredSymbols(context.Compilation), context.Options);
            context.RegisterOperationBlockAction(state.OnOperationBlock);

            // Flows through another method of this compilation (a helper given model output, a service that returns the
            // model's answer) are known only once every method has been seen: reported at the end, with the
            // CompilationEnd descriptor. Flows inside one method are reported from the block, live in the editor.
            context.RegisterCompilationEndAction(state.OnCompilationEnd);
        }

        private sealed class CompilationState
        {
            private readonly ModelOutputCatalog _catalog;
            private readonly TextTypes _types;
            private readonly ConfiguredSymbols _configured;
            private readonly AnalyzerOptions _options;
            private readonly ConcurrentDictionary<SyntaxTree, ModelOutputPolicy> _policies = new();
            private readonly ConcurrentBag<PendingSink> _pending = new();
            private readonly CrossMethodFlow _crossMethod = new();

            public CompilationState(ModelOutputCatalog catalog, TextTypes types, ConfiguredSymbols configured, AnalyzerOptions options)
            {
                _catalog = catalog;
                _types = types;
                _configured = configured;
                _options = options;
            }

            /// <summary>One walk over a block finds its sinks and records its calls; the engine runs only if there is a sink.</summary>
            [MethodImpl(CodeTier.Optimized)]
            public void OnOperationBlock(OperationBlockAnalysisContext context)
            {
                if (context.OperationBlocks.IsEmpty)
                {
                    return;
                }

                var tree = context.OperationBlocks[0].Syntax.SyntaxTree;
                if (!_policies.TryGetValue(tree, out var policy))
                {
                    var options = AiSecureOptions.Get(_options, tree);
                    policy = _policies.GetOrAdd(tree, new ModelOutputPolicy(_catalog, _types, _configured.Resolve(options.OutputValidators)));
                }

                var method = context.OwningSymbol as IMethodSymbol;
                var flow = method != null ? new MethodFlow(method, policy, context.OperationBlocks, context.CancellationToken) : null;
                if (flow != null)
                {
                    _crossMethod.RecordReturns(flow);
                }
                else if (context.OwningSymbol is IFieldSymbol or IPropertySymbol)
                {
                    _crossMethod.RecordInitializer(policy, context.OperationBlocks);
                }

                List<DangerousSink>? sinks = null;
                foreach (var root in context.OperationBlocks)
                {
                    foreach (var operation in root.WalkTree())
                    {
                        switch (operation.Kind)
                        {
                            case OperationKind.Invocation:
                                var invocation = (IInvocationOperation)operation;
                                if (flow != null)
                                {
                                    _crossMethod.RecordCall(flow, invocation, invocation.TargetMethod, invocation.Arguments);
                                }

                                DangerousSinks.Find(_catalog, operation, sinks ??= new List<DangerousSink>());
                                break;
                            case OperationKind.ObjectCreation:
                                var creation = (IObjectCreationOperation)operation;
                                if (flow != null && creation.Constructor != null)
                                {
                                    _crossMethod.RecordCall(flow, creation, creation.Constructor, creation.Arguments);
                                }

                                DangerousSinks.Find(_catalog, operation, sinks ??= new List<DangerousSink>());
                                break;
                            case OperationKind.SimpleAssignment:
                                if (flow != null)
                                {
                                    _crossMethod.RecordMemberWrite(flow, operation);
                                }

                                DangerousSinks.Find(_catalog, operation, sinks ??= new List<DangerousSink>());
                                break;
                            case OperationKind.CompoundAssignment:
                            case OperationKind.CoalesceAssignment:
                                if (flow != null)
                                {
                                    _crossMethod.RecordMemberWrite(flow, operation);
                                }

                                break;
                            case OperationKind.Conversion:
                                DangerousSinks.Find(_catalog, operation, sinks ??= new List<DangerousSink>());
                                break;
                            case OperationKind.MethodReference:
                                RegisterTool((IMethodReferenceOperation)operation);
                                break;
                        }
                    }
                }

                if (sinks == null || sinks.Count == 0)
                {
                    return;
                }

                var engine = flow?.Engine ?? new TaintEngine(policy, context.OperationBlocks, context.CancellationToken);
                foreach (var sink in sinks)
                {
                    var kind = (int)sink.Kind;
                    string? escapedHost = null;
                    var value = sink.Kind == DangerousSinkKind.Url ? DecidesUrlOrigin(engine, sink.Value, out escapedHost) : engine.Evaluate(sink.Value);
                    List<TaintOrigin>? deferred = null;
                    var reported = false;
                    foreach (var origin in value.Origins)
                    {
                        if (!origin.ReachesKind(kind))
                        {
                            continue;
                        }

                        if (origin.Display != null && origin.Guard == null)
                        {
                            // Known inside this method: reported from the block action, so the editor shows it live.
                            context.ReportDiagnostic(CreateDiagnostic(Descriptors.ModelOutputToDangerousSink, sink, origin.Display, true));
                            deferred = null;
                            reported = true;
                            break;
                        }

                        if (origin.Parameter != null || origin.Call != null || origin.Member != null || origin.Guard != null)
                        {
                            (deferred ??= new List<TaintOrigin>()).Add(origin);
                        }
                    }

                    if (!reported && escapedHost != null)
                    {
                        // Escaping keeps a value inside its path segment or query, not out of the host it forms.
                        context.ReportDiagnostic(CreateDiagnostic(Descriptors.ModelOutputToDangerousSink, sink, escapedHost, true));
                        deferred = null;
                    }

                    if (deferred != null)
                    {
                        _pending.Add(new PendingSink(sink, deferred));
                    }
                }
            }

            /// <summary>
            /// A method group handed to a tool factory (<c>AIFunctionFactory.Create(DeleteFile)</c>) makes the method's
            /// parameters tool arguments, unless the tool is wrapped for approval; resolved at the end with its other flows.
            /// </summary>
            private void RegisterTool(IMethodReferenceOperation reference)
            {
                if (AgentTools.FactoryOf(reference) is not { } factory || reference.Method.DeclaringSyntaxReferences.IsEmpty)
                {
                    return;
                }

                var approved = AgentTools.Approval(factory.Invocation, out var pending);
                if (approved && pending == null)
                {
                    return;
                }

                // Handed to an approval helper of another file: a source unless that helper wraps every tool (decided at the end).
                var check = approved ? new HelperGuard(pending!, false, HelperCheck.Approves) : null;
                var kind = factory.Kind;
                var name = factory.Name ?? reference.Method.Name;
                _crossMethod.AddParameterSource(reference.Method, parameter => AgentTools.IsModelWritten(parameter) ? AgentTools.DescribeArgument(parameter, kind, name) : null, check);
            }

            /// <summary>
            /// The parts of a URL that can decide its scheme or host (docs/rules/AISEC003.md): those before a constant scheme and
            /// host (<c>https://api.example.com/</c>) or a relative path (<c>/issues/</c>) fixes them. After that a value only
            /// picks a path or query on that host. An escaped value cannot write a scheme or leave its segment, so it decides the
            /// host only when it lands inside it (<c>$"https://{Uri.EscapeDataString(host)}/"</c>): that source is
            /// <paramref name="escapedHost"/>.
            /// </summary>
            private static TaintValue DecidesUrlOrigin(TaintEngine engine, IOperation url, out string? escapedHost)
            {
                escapedHost = null;
                var parts = UrlParts.Of(url, engine.IsUncheckedRead);
                if (parts.Count == 1 && parts[0] is IOperation whole)
                {
                    return engine.Evaluate(whole);
                }

                var prefix = new StringBuilder();
                List<TaintValue>? deciding = null;
                foreach (var part in parts)
                {
                    if (part is string text)
                    {
                        prefix.Append(text);
                        continue;
                    }

                    if (ReferenceEquals(part, UrlParts.Restart))
                    {
                        prefix.Clear();
                        continue;
                    }

                    var value = engine.Evaluate((IOperation)part);
                    var current = prefix.ToString();
                    if (!value.IsTainted)
                    {
                        // A trusted value (a configured base address) or one of unknown origin: it fixes what it holds.
                        prefix.Append(current.Length == 0 ? "https://trusted/" : "x");
                        continue;
                    }

                    if (!UrlParts.FixesOrigin(current))
                    {
                        (deciding ??= new List<TaintValue>()).Add(value);
                        if (escapedHost == null && UrlParts.IsInAuthority(current))
                        {
                            foreach (var origin in value.Origins)
                            {
                                if (origin.Display != null && !origin.ReachesKind((int)DangerousSinkKind.Url))
                                {
                                    escapedHost = origin.Display;
                                    break;
                                }
                            }
                        }
                    }

                    prefix.Append('x');
                }

                return deciding == null ? TaintValue.Clean : TaintValue.Union(deciding);
            }

            /// <summary>Sinks whose value comes from a caller's argument or a helper's return value, resolved once every method was seen.</summary>
            public void OnCompilationEnd(CompilationAnalysisContext context)
            {
                if (_pending.IsEmpty)
                {
                    return;
                }

                var ordered = _pending.ToList();
                ordered.Sort(static (a, b) => SourceOrder.Compare(a.Sink.Value.Syntax, b.Sink.Value.Syntax));
                foreach (var pending in ordered)
                {
                    var kind = (int)pending.Sink.Kind;
                    foreach (var origin in pending.Origins)
                    {
                        var found = _crossMethod.Resolve(origin, context.CancellationToken, o => o.ReachesKind(kind));
                        if (found != null)
                        {
                            var display = found.Caller == null ? found.Origin.Display! : found.Origin.Display + " (passed by " + found.Caller + ")";
                            context.ReportDiagnostic(CreateDiagnostic(Descriptors.ModelOutputToDangerousSinkAcrossMethods, pending.Sink, display, false));
                            break;
                        }
                    }
                }
            }
        }

        /// <summary>"Model output from {origin} reaches {kind} ({member}) unvalidated; {advice}", with what the fixes need.</summary>
        private static Diagnostic CreateDiagnostic(DiagnosticDescriptor descriptor, DangerousSink sink, string origin, bool inMethod)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SinkKindProperty, sink.Kind.ToString());
            if (sink.Kind == DangerousSinkKind.Path && CombinedPathShape(sink.Value) is { } shape)
            {
                properties = properties.Add(ConfinePathProperty, shape);
            }

            if (inMethod && ApprovalParameter(sink.Value, origin) is { } parameter)
            {
                properties = properties.Add(RequireApprovalProperty, parameter);
            }

            var sinkDisplay = KindDisplay(sink.Kind) + " (" + sink.Name + ")";
            return Diagnostic.Create(descriptor, sink.Value.Syntax.GetLocation(), properties, origin, sinkDisplay, Advice(sink.Kind));
        }

        private static string KindDisplay(DangerousSinkKind kind)
            => kind switch
            {
                DangerousSinkKind.Sql => "SQL text",
                DangerousSinkKind.Process => "a process",
                DangerousSinkKind.Html => "raw HTML",
                DangerousSinkKind.Path => "a file system path",
                _ => "an outbound URL",
            };

        private static string Advice(DangerousSinkKind kind)
            => kind switch
            {
                DangerousSinkKind.Sql => "pass it as a query parameter, never as SQL text",
                DangerousSinkKind.Process => "map it to an allow-list of commands and arguments",
                DangerousSinkKind.Html => "HTML-encode it",
                DangerousSinkKind.Path => "confine it to a root directory (Path.GetFullPath, then StartsWith the root) or keep only its file name (Path.GetFileName)",
                _ => "keep the scheme and host constant and put it only in an escaped path segment or query (Uri.EscapeDataString)",
            };

        /// <summary>
        /// <see cref="ConfineInline"/> for a sink given <c>Path.Combine(root, value)</c>, <see cref="ConfineLocal"/> for a local
        /// written once with it; null otherwise. The root must be a plain name, member or constant: the fix repeats it.
        /// </summary>
        private static string? CombinedPathShape(IOperation value)
        {
            value = value.WalkDownConversions();
            var shape = ConfineInline;
            if (value is ILocalReferenceOperation local)
            {
                if (local.SingleWrite() is not { } written || local.Local.DeclaringSyntaxReferences.IsEmpty)
                {
                    return null;
                }

                value = written.WalkDownConversions();
                shape = ConfineLocal;
            }

            return value is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Combine" or "Join", Parameters.Length: >= 2 and <= 4 } method } combine
                   && method.ContainingType is { Name: "Path", ContainingNamespace.Name: "IO" }
                   && combine.Arguments.Length == method.Parameters.Length
                   && combine.Arguments[0].Value.WalkDownConversions() is ILiteralOperation or IFieldReferenceOperation or IPropertyReferenceOperation or IParameterReferenceOperation or ILocalReferenceOperation
                   && FixedMiddleSegments(combine)
                ? shape
                : null;
        }

        /// <summary>
        /// <c>Path.Combine(root, "notes", name)</c>: the segments between the root and the value are constants or members, so
        /// the root the fix checks against is <c>Path.Combine(root, "notes")</c>.
        /// </summary>
        private static bool FixedMiddleSegments(IInvocationOperation combine)
        {
            for (var i = 1; i < combine.Arguments.Length - 1; i++)
            {
                var segment = combine.Arguments[i].Value.WalkDownConversions();
                if (!segment.ConstantValue.HasValue && segment is not (IFieldReferenceOperation or IPropertyReferenceOperation))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The parameter of the <c>AIFunctionFactory.Create</c> lambda around the sink that the origin names: the fix wraps
        /// that tool in <c>ApprovalRequiredAIFunction</c>.
        /// </summary>
        private static string? ApprovalParameter(IOperation value, string origin)
        {
            for (var current = value.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation function && AgentTools.FactoryOf(function) is { Kind: ToolKind.AIFunction })
                {
                    foreach (var parameter in function.Symbol.Parameters)
                    {
                        if (origin.StartsWith("argument '" + parameter.Name + "' of ", StringComparison.Ordinal))
                        {
                            return parameter.Name;
                        }
                    }
                }
            }

            return null;
        }

        private sealed class PendingSink
        {
            public PendingSink(DangerousSink sink, List<TaintOrigin> origins)
            {
                Sink = sink;
                Origins = origins;
            }

            public readonly DangerousSink Sink;

            /// <summary>Parameter and call origins whose source only other methods know.</summary>
            public readonly List<TaintOrigin> Origins;
        }
    }
}
