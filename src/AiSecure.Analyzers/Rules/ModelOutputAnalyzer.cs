using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>
    /// AISEC003: model output or a tool argument reaches SQL text, a process or raw HTML without validation. Sinks are
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
            var catalog = ModelOutputCatalog.Create(context.Compilation);
            if (!catalog.HasModelSdk)
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
                            case OperationKind.Conversion:
                                DangerousSinks.Find(_catalog, operation, sinks ??= new List<DangerousSink>());
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
                    var value = engine.Evaluate(sink.Value);
                    List<TaintOrigin>? deferred = null;
                    foreach (var origin in value.Origins)
                    {
                        if (!origin.ReachesKind(kind))
                        {
                            continue;
                        }

                        if (origin.Display != null)
                        {
                            // Known inside this method: reported from the block action, so the editor shows it live.
                            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ModelOutputToDangerousSink, sink.Value.Syntax.GetLocation(), Properties(sink.Kind), origin.Display, sink.Name, Advice(sink.Kind)));
                            deferred = null;
                            break;
                        }

                        if (origin.Parameter != null || origin.Call != null)
                        {
                            (deferred ??= new List<TaintOrigin>()).Add(origin);
                        }
                    }

                    if (deferred != null)
                    {
                        _pending.Add(new PendingSink(sink, deferred));
                    }
                }
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
                            var display = found.Caller == null ? found.Origin.Display : found.Origin.Display + ", passed by " + found.Caller;
                            context.ReportDiagnostic(Diagnostic.Create(Descriptors.ModelOutputToDangerousSinkAcrossMethods, pending.Sink.Value.Syntax.GetLocation(), Properties(pending.Sink.Kind), display, pending.Sink.Name, Advice(pending.Sink.Kind)));
                            break;
                        }
                    }
                }
            }
        }

        private static ImmutableDictionary<string, string?> Properties(DangerousSinkKind kind)
            => ImmutableDictionary<string, string?>.Empty.Add(SinkKindProperty, kind.ToString());

        private static string Advice(DangerousSinkKind kind)
            => kind switch
            {
                DangerousSinkKind.Sql => "pass it as a query parameter, never as SQL text",
                DangerousSinkKind.Process => "map it to an allow-list of commands and arguments",
                _ => "HTML-encode it",
            };

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
