using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>AISEC003: model output reaches SQL text, a process or raw HTML without validation.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ModelOutputAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the sink kind (<see cref="DangerousSinkKind"/>).</summary>
        internal const string SinkKindProperty = "SinkKind";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.ModelOutputToDangerousSink);

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

            var state = new CompilationState(catalog);
            context.RegisterOperationAction(c => AnalyzeAssignment(c, state), OperationKind.SimpleAssignment);
            context.RegisterOperationAction(c => AnalyzeCreation(c, state), OperationKind.ObjectCreation);
            context.RegisterOperationAction(c => AnalyzeInvocation(c, state), OperationKind.Invocation);
            context.RegisterOperationAction(c => AnalyzeConversion(c, state), OperationKind.Conversion);
            context.RegisterOperationAction(c => SummarizeReturn(c, state), OperationKind.Return, OperationKind.YieldReturn);

            // Flows through a method of this compilation (a service that asks the model and returns its
            // answer) are known only once every method is summarized: the one place this rule needs the end
            // of the compilation. Flows inside one method are reported at once, in the IDE too.
            context.RegisterCompilationEndAction(state.ReportPending);
        }

        /// <summary>
        /// Keeps the value a method of this compilation returns, for callers whose sink depends on it. Nothing is
        /// evaluated here: most methods return text that no sink ever receives, so a return is followed back only
        /// when a pending sink asks for it at the end of the compilation.
        /// </summary>
        private static void SummarizeReturn(OperationAnalysisContext context, CompilationState state)
        {
            var returned = ((IReturnOperation)context.Operation).ReturnedValue;
            if (returned == null || context.ContainingSymbol is not IMethodSymbol method || !ModelOutputFlow.IsSummarizable(method))
            {
                return;
            }

            // A return inside a lambda or local function belongs to that function, not to the method.
            for (var parent = context.Operation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    return;
                }
            }

            state.AddReturn(method.OriginalDefinition, returned);

            // Callers often hold the service by its interface: the interface member returns what its implementation returns.
            foreach (var @interface in method.ContainingType.AllInterfaces)
            {
                foreach (var member in @interface.GetMembers(method.Name))
                {
                    if (member is IMethodSymbol interfaceMethod
                        && SymbolEqualityComparer.Default.Equals(method.ContainingType.FindImplementationForInterfaceMember(interfaceMethod), method))
                    {
                        state.AddReturn(interfaceMethod.OriginalDefinition, returned);
                    }
                }
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, CompilationState state)
        {
            var catalog = state.Catalog;
            var assignment = (ISimpleAssignmentOperation)context.Operation;
            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
            {
                return;
            }

            if (property.Name == "CommandText" && IsCommandType(property.ContainingType, catalog))
            {
                Check(context, state, assignment.Value, DangerousSinkKind.Sql, "the SQL text of a command");
            }
            else if (property.Name is "FileName" or "Arguments" && catalog.ProcessStartInfo.IsBaseOrSelfOf(property.ContainingType))
            {
                Check(context, state, assignment.Value, DangerousSinkKind.Process, "ProcessStartInfo." + property.Name);
            }
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, CompilationState state)
        {
            var catalog = state.Catalog;
            var creation = (IObjectCreationOperation)context.Operation;
            var type = creation.Type;
            if (type == null)
            {
                return;
            }

            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is not { } parameter || !parameter.Type.IsString() || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                // The parameter's name first: the type test reads every interface of the created type.
                if ((parameter.Name.IndexOf("text", StringComparison.OrdinalIgnoreCase) >= 0 || parameter.Name.IndexOf("sql", StringComparison.OrdinalIgnoreCase) >= 0) && (IsCommandType(type, catalog) || catalog.DapperCommandDefinition.Is(type)))
                {
                    Check(context, state, argument.Value, DangerousSinkKind.Sql, "the SQL text of a command");
                }
                else if (catalog.ProcessStartInfo.IsBaseOrSelfOf(type))
                {
                    Check(context, state, argument.Value, DangerousSinkKind.Process, "a ProcessStartInfo");
                }
                else if (catalog.HtmlString.Is(type))
                {
                    Check(context, state, argument.Value, DangerousSinkKind.Html, "an HtmlString");
                }
                else if (catalog.MarkupString.Is(type))
                {
                    Check(context, state, argument.Value, DangerousSinkKind.Html, "a MarkupString");
                }
            }
        }

        private static void AnalyzeConversion(OperationAnalysisContext context, CompilationState state)
        {
            var catalog = state.Catalog;
            var conversion = (IConversionOperation)context.Operation;
            if (conversion.OperatorMethod != null && !conversion.IsImplicit
                && catalog.MarkupString.Is(conversion.Type))
            {
                Check(context, state, conversion.Operand, DangerousSinkKind.Html, "a MarkupString");
            }
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, CompilationState state)
        {
            var catalog = state.Catalog;
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            RecordArguments(context, state, invocation);
            var definition = method.ReducedFrom ?? method;
            DangerousSinkKind kind;
            string sinkName;
            if (method.Name == "Start" && method.IsStatic && catalog.Process.Is(method.ContainingType))
            {
                kind = DangerousSinkKind.Process;
                sinkName = "Process.Start";
            }
            else if (method.Name == "Raw" && catalog.HtmlHelper.IsBaseOrSelfOf(method.ContainingType))
            {
                kind = DangerousSinkKind.Html;
                sinkName = "Html.Raw";
            }
            else if (method.Name == "Add" && IsArgumentList(invocation, catalog))
            {
                kind = DangerousSinkKind.Process;
                sinkName = "ProcessStartInfo.ArgumentList";
            }
            else if (method.Name == "Content" && IsHtmlContentResult(invocation, catalog))
            {
                kind = DangerousSinkKind.Html;
                sinkName = "an HTML response";
            }
            else if ((method.Name.StartsWith("FromSqlRaw", StringComparison.Ordinal) || method.Name.StartsWith("ExecuteSqlRaw", StringComparison.Ordinal) || method.Name.StartsWith("SqlQueryRaw", StringComparison.Ordinal))
                && (catalog.EfRelationalQueryable.Is(definition.ContainingType) || catalog.EfRelationalDatabase.Is(definition.ContainingType)))
            {
                kind = DangerousSinkKind.Sql;
                sinkName = method.Name;
            }
            else if (method.Name == "CreateCommand" && catalog.DbDataSource.IsBaseOrSelfOf(method.ContainingType))
            {
                // DbDataSource.CreateCommand(string commandText): the data-source form of new DbCommand(sql).
                kind = DangerousSinkKind.Sql;
                sinkName = "the SQL text of a command";
            }
            else if (catalog.Dapper.Is(definition.ContainingType))
            {
                kind = DangerousSinkKind.Sql;
                sinkName = "Dapper " + method.Name;
            }
            else
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                var isSinkParameter = kind switch
                {
                    DangerousSinkKind.Sql => parameter.Name is "sql" or "commandText" && parameter.Type.IsString(),
                    DangerousSinkKind.Process => parameter.Type.IsString(),
                    _ => parameter.Ordinal == (method.IsExtensionMethod && method.ReducedFrom == null ? 1 : 0),
                };
                if (isSinkParameter)
                {
                    Check(context, state, argument.Value, kind, sinkName);
                }
            }
        }

        /// <summary><c>info.ArgumentList.Add(x)</c> or <c>new ProcessStartInfo { ArgumentList = { x } }</c>: a process argument, like <c>Arguments</c>.</summary>
        private static bool IsArgumentList(IInvocationOperation invocation, ModelOutputCatalog catalog)
        {
            IPropertySymbol? list = null;
            if (invocation.Instance is IPropertyReferenceOperation { Property: { } property })
            {
                list = property;
            }
            else if (invocation.Instance is IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                && invocation.Parent is IObjectOrCollectionInitializerOperation { Parent: IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation { Property: { } initialized } } })
            {
                list = initialized;
            }

            return list is { Name: "ArgumentList" } && catalog.ProcessStartInfo.IsBaseOrSelfOf(list.ContainingType);
        }

        /// <summary><c>Results.Content(html, "text/html")</c>, <c>TypedResults.Content</c>, <c>ControllerBase.Content</c>: a response whose content type is HTML.</summary>
        private static bool IsHtmlContentResult(IInvocationOperation invocation, ModelOutputCatalog catalog)
        {
            var type = invocation.TargetMethod.ContainingType;
            if (!catalog.Results.Is(type) && !catalog.TypedResults.Is(type) && !catalog.ControllerBase.IsBaseOrSelfOf(type))
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "contentType" && argument.Value.WalkDownConversions().ConstantValue.Value is string contentType)
                {
                    return contentType.TrimStart().StartsWith("text/html", StringComparison.OrdinalIgnoreCase);
                }
            }

            return false;
        }

        /// <summary>A call to a helper of this compilation: remember what it passes to text parameters, evaluated only if a sink in the helper needs it.</summary>
        private static void RecordArguments(OperationAnalysisContext context, CompilationState state, IInvocationOperation invocation)
        {
            if (invocation.TargetMethod.DeclaringSyntaxReferences.Length == 0)
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue || !ModelOutputFlow.IsSourceTextParameter(parameter.OriginalDefinition))
                {
                    continue;
                }

                state.RecordArgument(parameter.OriginalDefinition, argument.Value, context.ContainingSymbol);
            }
        }

        private static bool IsCommandType(ITypeSymbol type, ModelOutputCatalog catalog)
            => catalog.DbCommand.IsBaseOrSelfOf(type)
            || catalog.DbBatchCommand.IsBaseOrSelfOf(type)
            || catalog.IDbCommand.IsImplementedBy(type)
            || catalog.IDbCommand.Is(type);

        private static void Check(OperationAnalysisContext context, CompilationState state, IOperation value, DangerousSinkKind kind, string sinkName)
        {
            var flow = new ModelOutputFlow(state.Catalog, value, context.CancellationToken);
            var origin = flow.FindOrigin(value);
            if (origin != null)
            {
                context.ReportDiagnostic(CreateDiagnostic(value.Syntax.GetLocation(), kind, origin, sinkName));
            }
            else if (flow.SourceCalls.Count > 0 || flow.SourceParameters.Count > 0)
            {
                state.AddPending(new PendingSink(value.Syntax.GetLocation(), kind, sinkName, flow.SourceCalls, flow.SourceParameters));
            }
        }

        private static Diagnostic CreateDiagnostic(Location location, DangerousSinkKind kind, string origin, string sinkName)
        {
            var advice = kind switch
            {
                DangerousSinkKind.Sql => "pass it as a query parameter, never as SQL text",
                DangerousSinkKind.Process => "map it to an allow-list of commands and arguments",
                _ => "HTML-encode it",
            };
            var properties = ImmutableDictionary<string, string?>.Empty.Add(SinkKindProperty, kind.ToString());
            return Diagnostic.Create(Descriptors.ModelOutputToDangerousSink, location, properties, origin, sinkName, advice);
        }

        private sealed class PendingSink
        {
            public PendingSink(Location location, DangerousSinkKind kind, string sinkName, IReadOnlyList<IMethodSymbol> calls, IReadOnlyList<IParameterSymbol> parameters)
            {
                Parameters = parameters;
                Location = location;
                Kind = kind;
                SinkName = sinkName;
                Calls = calls;
            }

            public readonly Location Location;

            public readonly DangerousSinkKind Kind;

            public readonly string SinkName;

            public readonly IReadOnlyList<IMethodSymbol> Calls;

            public readonly IReadOnlyList<IParameterSymbol> Parameters;
        }

        /// <summary>
        /// Per-compilation facts for flows across methods: what each method returns and what callers pass to
        /// helpers' text parameters, kept unevaluated, and the sinks waiting for them. At the end of the compilation
        /// only the methods and parameters a waiting sink depends on are evaluated (each once).
        /// </summary>
        private sealed class CompilationState
        {
            private const int MaxCallDepth = 4;

            // Appended from every method without locks; grouped only at compilation end, if some sink waits.
            private readonly ConcurrentBag<Recorded> _recorded = new();
            private Dictionary<ISymbol, List<Recorded>>? _bySymbol;
            private readonly ConcurrentBag<PendingSink> _pending = new();
            private readonly Dictionary<IMethodSymbol, Summary?> _summaries = new(SymbolEqualityComparer.Default);
            private readonly Dictionary<IParameterSymbol, string?> _passed = new(SymbolEqualityComparer.Default);

            public CompilationState(ModelOutputCatalog catalog) => Catalog = catalog;

            public readonly ModelOutputCatalog Catalog;

            public void AddReturn(IMethodSymbol method, IOperation returned) => _recorded.Add(new Recorded(method, returned, null));

            public void AddPending(PendingSink sink) => _pending.Add(sink);

            public void RecordArgument(IParameterSymbol parameter, IOperation value, ISymbol caller) => _recorded.Add(new Recorded(parameter, value, caller));

            /// <summary>What was recorded for a method (its returns) or a parameter (what callers pass), in source order.</summary>
            private List<Recorded>? RecordedFor(ISymbol symbol)
            {
                if (_bySymbol == null)
                {
                    _bySymbol = new Dictionary<ISymbol, List<Recorded>>(SymbolEqualityComparer.Default);
                    foreach (var recorded in _recorded)
                    {
                        _bySymbol.AddToList(recorded.Symbol, recorded);
                    }

                    foreach (var list in _bySymbol.Values)
                    {
                        list.Sort(static (a, b) => SourceOrder.Compare(a.Value.Syntax, b.Value.Syntax));
                    }
                }

                return _bySymbol.TryGetValue(symbol, out var found) ? found : null;
            }

            public void ReportPending(CompilationAnalysisContext context)
            {
                if (_pending.IsEmpty)
                {
                    return;
                }

                var cancellationToken = context.CancellationToken;
                foreach (var sink in _pending)
                {
                    // A helper's parameter that some caller fills with model output: reported in the helper, naming the caller.
                    var passed = sink.Parameters.Select(p => PassedModelOutput(p, cancellationToken)).FirstOrDefault(o => o != null);
                    if (passed != null)
                    {
                        context.ReportDiagnostic(CreateDiagnostic(sink.Location, sink.Kind, passed, sink.SinkName));
                        continue;
                    }

                    foreach (var call in sink.Calls)
                    {
                        if (ReturnsModelOutput(call, 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default), cancellationToken))
                        {
                            var origin = call.ContainingType.Name + "." + call.Name;
                            context.ReportDiagnostic(CreateDiagnostic(sink.Location, sink.Kind, origin, sink.SinkName));
                            break;
                        }
                    }
                }
            }

            /// <summary>The first caller (in source order) that passes model output to <paramref name="parameter"/>, described. Computed once per parameter.</summary>
            private string? PassedModelOutput(IParameterSymbol parameter, System.Threading.CancellationToken cancellationToken)
            {
                if (_passed.TryGetValue(parameter, out var known))
                {
                    return known;
                }

                string? passed = null;
                foreach (var recorded in RecordedFor(parameter) ?? Enumerable.Empty<Recorded>())
                {
                    if (new ModelOutputFlow(Catalog, recorded.Value, cancellationToken).FindOrigin(recorded.Value) is { } origin)
                    {
                        // The caller's name is made only here, for a parameter a waiting sink asks about.
                        passed = origin + ", passed by " + (recorded.Caller is IMethodSymbol caller ? caller.ContainingType.Name + "." + caller.Name : "a caller");
                        break;
                    }
                }

                _passed[parameter] = passed;
                return passed;
            }

            private bool ReturnsModelOutput(IMethodSymbol method, int depth, HashSet<IMethodSymbol> visited, System.Threading.CancellationToken cancellationToken)
            {
                var summary = SummaryOf(method, cancellationToken);
                if (summary == null)
                {
                    return false;
                }

                if (summary.ReturnsModelOutput)
                {
                    return true;
                }

                if (depth >= MaxCallDepth || !visited.Add(method))
                {
                    return false;
                }

                foreach (var call in summary.Calls)
                {
                    if (ReturnsModelOutput(call, depth + 1, visited, cancellationToken))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>What <paramref name="method"/> returns: model output directly, or what other source methods return. Computed once, at compilation end (single-threaded).</summary>
            private Summary? SummaryOf(IMethodSymbol method, System.Threading.CancellationToken cancellationToken)
            {
                if (_summaries.TryGetValue(method, out var known))
                {
                    return known;
                }

                Summary? summary = null;
                if (RecordedFor(method) is { } returns)
                {
                    var calls = new List<IMethodSymbol>();
                    var direct = false;
                    foreach (var recorded in returns)
                    {
                        var returned = recorded.Value;
                        var flow = new ModelOutputFlow(Catalog, returned, cancellationToken);
                        if (flow.FindOrigin(returned) != null)
                        {
                            direct = true;
                            break;
                        }

                        calls.AddRange(flow.SourceCalls);
                    }

                    summary = new Summary(direct, calls);
                }

                _summaries[method] = summary;
                return summary;
            }

            private sealed class Recorded
            {
                public Recorded(ISymbol symbol, IOperation value, ISymbol? caller)
                {
                    Symbol = symbol;
                    Value = value;
                    Caller = caller;
                }

                /// <summary>The method returning <see cref="Value"/>, or the parameter it is passed to.</summary>
                public readonly ISymbol Symbol;

                public readonly IOperation Value;

                /// <summary>For an argument: the member whose code passes it.</summary>
                public readonly ISymbol? Caller;
            }

            private sealed class Summary
            {
                public Summary(bool returnsModelOutput, IReadOnlyList<IMethodSymbol> calls)
                {
                    ReturnsModelOutput = returnsModelOutput;
                    Calls = calls;
                }

                public readonly bool ReturnsModelOutput;

                public readonly IReadOnlyList<IMethodSymbol> Calls;
            }
        }
    }
}
