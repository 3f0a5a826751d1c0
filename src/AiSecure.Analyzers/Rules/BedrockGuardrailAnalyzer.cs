using System.Collections.Generic;
using System.Collections.Immutable;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>
    /// AISEC041: a Bedrock Runtime request is sent without a guardrail: <c>ConverseRequest</c> /
    /// <c>ConverseStreamRequest</c> without <c>GuardrailConfig</c>, <c>InvokeModelRequest</c> /
    /// <c>InvokeModelWithResponseStreamRequest</c> without <c>GuardrailIdentifier</c>. Judged at the send
    /// (<see cref="RequestState"/>); requests that leave the method unsent are not judged.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class BedrockGuardrailAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>The expression the fix writes when <c>aisecure.bedrock_guardrail_id</c> is not set.</summary>
        internal const string DefaultGuardrailId = "global::System.Environment.GetEnvironmentVariable(\"BEDROCK_GUARDRAIL_ID\")";

        /// <summary>The version the fix writes when <c>aisecure.bedrock_guardrail_version</c> is not set: the working draft.</summary>
        internal const string DefaultGuardrailVersion = "\"DRAFT\"";

        private const string ModelNamespace = "Amazon.BedrockRuntime.Model.";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.BedrockGuardrailMissing, Descriptors.BedrockGuardrailMissingAcrossMethods);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            var calls = AwsSdkCalls.Create(context.Compilation);
            if (calls == null)
            {
                return;
            }

            var requests = new RequestTypes();
            Add(context.Compilation, requests.Converse, "ConverseRequest");
            Add(context.Compilation, requests.Converse, "ConverseStreamRequest");
            Add(context.Compilation, requests.InvokeModel, "InvokeModelRequest");
            Add(context.Compilation, requests.InvokeModel, "InvokeModelWithResponseStreamRequest");
            if (requests.Converse.Count + requests.InvokeModel.Count == 0)
            {
                return;
            }

            var helpers = new HelperRequests(calls, type => type is INamedTypeSymbol named && requests.Contains(named));
            context.RegisterOperationAction(c => Analyze(c, requests, calls, helpers), OperationKind.ObjectCreation);

            // Requests built in helpers: judged with the callers that send them, once every method has been seen.
            context.RegisterOperationAction(
                c =>
                {
                    var invocation = (IInvocationOperation)c.Operation;
                    if (helpers.IsHelperCall(invocation))
                    {
                        helpers.AddCaller(c.ContainingSymbol, invocation, new List<IInvocationOperation> { invocation }, new List<IObjectCreationOperation>());
                    }
                },
                OperationKind.Invocation);
            context.RegisterCompilationEndAction(c => helpers.Report(c, (state, options, report, _) => Judge(state, requests, options, report), _ => Descriptors.BedrockGuardrailMissingAcrossMethods));
        }

        private static void Add(Compilation compilation, HashSet<INamedTypeSymbol> requests, string name)
        {
            if (TypeResolver.Get(compilation, ModelNamespace + name) is { } type)
            {
                requests.Add(type);
            }
        }

        private static void Analyze(OperationAnalysisContext context, RequestTypes requests, AwsSdkCalls calls, HelperRequests helpers)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            if (creation.Type is not INamedTypeSymbol type || !requests.Contains(type))
            {
                return;
            }

            var state = RequestState.Analyze(creation, calls, context.CancellationToken);
            helpers.AddHelper(context.ContainingSymbol, state);
            if (state != null)
            {
                Judge(state, requests, context.Options, context.ReportDiagnostic);
            }
        }

        /// <summary>AISEC041 on one request at its send.</summary>
        private static void Judge(RequestState state, RequestTypes requests, AnalyzerOptions analyzerOptions, System.Action<Diagnostic> report)
        {
            var creation = state.Creation;
            if (state.Fate != RequestFate.Sent || creation.Type is not INamedTypeSymbol type || !requests.Contains(type))
            {
                return;
            }

            var options = AiSecureOptions.Get(analyzerOptions, creation.Syntax.SyntaxTree);
            var id = options.BedrockGuardrailId ?? DefaultGuardrailId;
            var version = options.BedrockGuardrailVersion ?? DefaultGuardrailVersion;
            var edits = new List<InitializerEdit>();
            string missing;
            if (requests.Converse.Contains(type))
            {
                var status = state.GetStatus("GuardrailConfig");
                if ((status is PathStatus.Set or PathStatus.NullOrEmpty && ReportNullableSource(state, status, "GuardrailConfig", type, report))
                    || status is not (PathStatus.Unset or PathStatus.NullOrEmpty))
                {
                    return;
                }

                missing = "no GuardrailConfig";
                var configType = FindPropertyType(type, "GuardrailConfig");
                if (configType != null)
                {
                    var value = "new " + InitializerEdit.FullName(configType) + " { GuardrailIdentifier = " + id + ", GuardrailVersion = " + version + " }";
                    AddEdit(edits, InitializerEdit.Set(state.Root, creation.Syntax, string.Empty, "GuardrailConfig", value));
                }
            }
            else
            {
                var status = state.GetStatus("GuardrailIdentifier");
                if ((status is PathStatus.Set or PathStatus.NullOrEmpty && ReportNullableSource(state, status, "GuardrailIdentifier", type, report))
                    || status is not (PathStatus.Unset or PathStatus.NullOrEmpty))
                {
                    return;
                }

                missing = "no GuardrailIdentifier";
                AddEdit(edits, InitializerEdit.Set(state.Root, creation.Syntax, string.Empty, "GuardrailIdentifier", id));
                if (state.GetStatus("GuardrailVersion") is PathStatus.Unset or PathStatus.NullOrEmpty)
                {
                    AddEdit(edits, InitializerEdit.Set(state.Root, creation.Syntax, string.Empty, "GuardrailVersion", version));
                }
            }

            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            var locations = ImmutableArray.CreateBuilder<Location>();
            InitializerEdit.Encode(edits, properties, locations);
            report(Diagnostic.Create(
                Descriptors.BedrockGuardrailMissing,
                creation.Syntax.GetLocation(),
                locations.ToImmutable(),
                properties.ToImmutable(),
                "'" + type.Name + "'",
                missing));
        }

        /// <summary>
        /// A guardrail taken from a helper, field or property of this project that can give null or empty
        /// (<c>GuardrailConfig = MaybeGuardrail()</c> with <c>=> settings is { } g ? new … : null</c>; a field a constructor
        /// sets that way): some requests go without one, as with a conditional that has a null arm in place (the
        /// request-state engine counts such a helper call as null or empty; a member read counts as set, so it is looked
        /// at here, for the guardrail alone). No fix: the helper or member decides, and the message names it.
        /// </summary>
        private static bool ReportNullableSource(RequestState state, PathStatus status, string property, INamedTypeSymbol type, System.Action<Diagnostic> report)
        {
            foreach (var write in state.Root.GetWrites(property))
            {
                ISymbol? source = status == PathStatus.NullOrEmpty ? NullableReturns.NullableHelperThroughLocal(write.Value) : NullableReturns.NullableMember(write.Value);
                if (source == null)
                {
                    continue;
                }

                var name = source.ContainingType is { } owner && source is not IMethodSymbol { MethodKind: MethodKind.LocalFunction } ? owner.Name + "." + source.Name : source.Name;
                var empty = property == "GuardrailConfig" ? "null" : "null or empty";
                report(Diagnostic.Create(
                    Descriptors.BedrockGuardrailMissing,
                    state.Creation.Syntax.GetLocation(),
                    "'" + type.Name + "'",
                    property + " from '" + name + "', which can " + (source is IMethodSymbol ? "return " : "be ") + empty));
                return true;
            }

            return false;
        }

        private static void AddEdit(List<InitializerEdit> edits, InitializerEdit? edit)
        {
            if (edit != null)
            {
                edits.Add(edit);
            }
        }

        private static INamedTypeSymbol? FindPropertyType(INamedTypeSymbol type, string name)
        {
            foreach (var member in type.GetMembers(name))
            {
                if (member is IPropertySymbol { Type: INamedTypeSymbol propertyType })
                {
                    return propertyType;
                }
            }

            return null;
        }

        /// <summary>The request types of this compilation: Converse requests take a GuardrailConfig, InvokeModel requests a GuardrailIdentifier.</summary>
        private sealed class RequestTypes
        {
            public readonly HashSet<INamedTypeSymbol> Converse = new(SymbolEqualityComparer.Default);

            public readonly HashSet<INamedTypeSymbol> InvokeModel = new(SymbolEqualityComparer.Default);

            public bool Contains(INamedTypeSymbol type) => Converse.Contains(type) || InvokeModel.Contains(type);
        }
    }
}
