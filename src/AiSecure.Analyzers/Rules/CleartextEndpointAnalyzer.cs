using System.Collections.Immutable;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>AISEC020: an endpoint sink is given a cleartext <c>http://</c> URL, or <c>UseHttp = true</c>.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CleartextEndpointAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the text the fix writes over the additional location.</summary>
        internal const string ReplacementProperty = "Replacement";

        internal const string HttpsReplacement = "https://";

        internal const string FalseReplacement = "false";

        private const int MaxShownUrlLength = 80;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.CleartextEndpoint, Descriptors.CleartextEndpointInConfiguration);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            // Every .NET project references HttpClient, HttpRequestMessage and WebRequest; a project whose source never
            // names a sink (a member it must spell out to reach it) registers nothing (SourceWords.EndpointSinks). The
            // text is read before any type is looked up: the first lookup in a compilation is not free.
            var sinksConfigured = AiSecureOptions.IsSetAnywhere(context.Options, context.Compilation, OptionKeys.EndpointSinks);
            if (!sinksConfigured && !SourceWords.AnyIn(context.Compilation, SourceWords.EndpointSinks, context.CancellationToken))
            {
                return;
            }

            var symbols = EndpointSymbols.Create(context.Compilation);
            if (!symbols.HasAny && !sinksConfigured)
            {
                return;
            }

            // Null when no file configures extra sinks: the hot paths then skip the options lookup altogether.
            var configured = sinksConfigured ? new ConfiguredSymbols(context.Compilation) : null;

            // Null unless the project has configuration files and reads configuration: then which keys reach a sink is
            // collected as the sinks are seen, and the files are read once, at the end (docs/rules/AISEC020.md).
            var files = ConfigurationFiles.Find(context.Options.AdditionalFiles);
            var reads = files.IsEmpty ? null : new ConfigurationReads(context.Compilation);
            if (reads is { CanRead: false })
            {
                reads = null;
            }

            context.RegisterOperationAction(c => AnalyzeAssignment(c, symbols, configured, reads), OperationKind.SimpleAssignment, OperationKind.CoalesceAssignment);
            context.RegisterOperationAction(c => AnalyzeCreation(c, symbols, configured, reads), OperationKind.ObjectCreation);
            context.RegisterOperationAction(c => AnalyzeInvocation(c, symbols, configured, reads), OperationKind.Invocation);
            if (reads != null)
            {
                context.RegisterOperationAction(c => reads.RecordReturn((IReturnOperation)c.Operation, c.ContainingSymbol), OperationKind.Return);
                context.RegisterOperationAction(c => reads.RecordInitializer((ISymbolInitializerOperation)c.Operation), OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
                context.RegisterCompilationEndAction(c => ReportConfigurationFiles(c, files, reads));
            }
        }

        private static void AnalyzeAssignment(OperationAnalysisContext context, EndpointSymbols symbols, ConfiguredSymbols? configured, ConfigurationReads? reads)
        {
            // A simple assignment, or http.BaseAddress ??= new Uri(…) (a typed client's constructor or first call).
            var assignment = (IAssignmentOperation)context.Operation;
            if (assignment is ISimpleAssignmentOperation simple)
            {
                reads?.RecordAssignment(simple);
            }

            if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
            {
                return;
            }

            if (property.IsProperty(symbols.ClientConfig, "UseHttp"))
            {
                var value = assignment.Value.WalkDownConversions();
                if (value.ConstantValue.HasValue && value.ConstantValue.Value is true)
                {
                    var properties = ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, FalseReplacement);
                    var additional = value is ILiteralOperation ? ImmutableArray.Create(value.Syntax.GetLocation()) : ImmutableArray<Location>.Empty;
                    context.ReportDiagnostic(Diagnostic.Create(Descriptors.CleartextEndpoint, assignment.Syntax.GetLocation(), additional, properties, "'UseHttp = true'"));
                }

                return;
            }

            if (property.IsProperty(symbols.ClientConfig, "ServiceURL")
                || property.IsProperty(symbols.OpenAIClientOptions, "Endpoint")
                || property.IsProperty(symbols.HttpClient, "BaseAddress")
                || property.IsProperty(symbols.HttpRequestMessage, "RequestUri")
                || property.IsProperty(symbols.AnthropicClient, "BaseUrl")
                || IsConfigured(context, configured, property, null))
            {
                CheckUrl(context, assignment.Value, property.ContainingType.Name + "." + property.Name, reads);
            }
        }

        private static void AnalyzeCreation(OperationAnalysisContext context, EndpointSymbols symbols, ConfiguredSymbols? configured, ConfigurationReads? reads)
        {
            var creation = (IObjectCreationOperation)context.Operation;
            var constructor = creation.Constructor;
            if (constructor == null)
            {
                return;
            }

            var type = constructor.ContainingType;
            var isAzure = type.InheritsFromOrEquals(symbols.AzureOpenAIClient);
            var isRequest = type.InheritsFromOrEquals(symbols.HttpRequestMessage);
            var isOllama = type.InheritsFromOrEquals(symbols.OllamaApiClient);
            var isKernel = IsSemanticKernelMember(constructor);
            var configuredSink = ConfiguredSymbols.TryFind(Configured(context, configured), constructor, out var member);
            if (!isAzure && !isRequest && !isOllama && !isKernel && !configuredSink)
            {
                return;
            }

            foreach (var argument in creation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                var isUrlParameter = IsUri(parameter.Type, symbols) || parameter.Type.IsString();
                if ((isAzure && IsUri(parameter.Type, symbols))
                    || (isRequest && parameter.Name == "requestUri")
                    || (isOllama && parameter.Ordinal == 0 && isUrlParameter)
                    || (isKernel && parameter.Name == "endpoint" && isUrlParameter)
                    || (configuredSink && isUrlParameter && (member.ParameterName == null || member.ParameterName == parameter.Name)))
                {
                    CheckUrl(context, argument.Value, type.Name, reads);
                }
            }
        }

        private static void AnalyzeInvocation(OperationAnalysisContext context, EndpointSymbols symbols, ConfiguredSymbols? configured, ConfigurationReads? reads)
        {
            var invocation = (IInvocationOperation)context.Operation;
            var method = invocation.TargetMethod;
            reads?.RecordInvocation(invocation);
            var isHttpClientCall = symbols.HttpClient != null && IsHttpVerbMethod(method.Name)
                && (method.ContainingType.InheritsFromOrEquals(symbols.HttpClient)
                    || (method.IsExtensionMethod && (method.ReducedFrom ?? method).Parameters.Length > 0 && (method.ReducedFrom ?? method).Parameters[0].Type.InheritsFromOrEquals(symbols.HttpClient)));
            var isWebRequest = symbols.WebRequest != null && method.IsStatic && method.Name.StartsWith("Create", System.StringComparison.Ordinal)
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.WebRequest);
            var isKernel = IsSemanticKernelMember(method);
            var configuredSink = ConfiguredSymbols.TryFind(Configured(context, configured), method, out var member);
            if (!isHttpClientCall && !isWebRequest && !isKernel && !configuredSink)
            {
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                var parameter = argument.Parameter;
                if (parameter == null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                var isUrlParameter = IsUri(parameter.Type, symbols) || parameter.Type.IsString();
                if (!isUrlParameter)
                {
                    continue;
                }

                if ((isHttpClientCall && parameter.Name == "requestUri")
                    || (isWebRequest && parameter.Name.StartsWith("requestUri", System.StringComparison.Ordinal))
                    || (isKernel && parameter.Name == "endpoint")
                    || (configuredSink && (member.ParameterName == null || member.ParameterName == parameter.Name)))
                {
                    CheckUrl(context, argument.Value, method.ContainingType.Name + "." + method.Name, reads);
                }
            }
        }

        private static bool IsHttpVerbMethod(string name)
            => name.StartsWith("Get", System.StringComparison.Ordinal)
            || name.StartsWith("Post", System.StringComparison.Ordinal)
            || name.StartsWith("Put", System.StringComparison.Ordinal)
            || name.StartsWith("Patch", System.StringComparison.Ordinal)
            || name.StartsWith("Delete", System.StringComparison.Ordinal)
            || name.StartsWith("Send", System.StringComparison.Ordinal);

        /// <summary>
        /// Semantic Kernel connectors take the model service's address as an <c>endpoint</c> parameter
        /// (<c>AddOpenAIChatCompletion(modelId, endpoint, …)</c>, <c>AddAzureOpenAIChatCompletion(deployment, endpoint, …)</c>, service constructors).
        /// </summary>
        private static bool IsSemanticKernelMember(IMethodSymbol method)
        {
            for (var ns = method.ContainingType?.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns.Name == "SemanticKernel" && ns.ContainingNamespace is { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true })
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsUri(ITypeSymbol type, EndpointSymbols symbols)
            => symbols.Uri != null && SymbolEqualityComparer.Default.Equals(type, symbols.Uri);

        private static ImmutableArray<ConfiguredMember> Configured(OperationAnalysisContext context, ConfiguredSymbols? configured)
        {
            if (configured == null)
            {
                return ImmutableArray<ConfiguredMember>.Empty;
            }

            var options = AiSecureOptions.Get(context.Options, context.Operation.Syntax.SyntaxTree);
            return configured.Resolve(options.EndpointSinks);
        }

        private static bool IsConfigured(OperationAnalysisContext context, ConfiguredSymbols? configured, ISymbol symbol, string? parameterName)
            => ConfiguredSymbols.TryFind(Configured(context, configured), symbol, out var member)
               && (parameterName == null || member.ParameterName == null || member.ParameterName == parameterName);

        private static void CheckUrl(OperationAnalysisContext context, IOperation value, string sink, ConfigurationReads? reads)
        {
            reads?.RecordSink(value, sink);

            // Allowed hosts only ever clear a URL: one that is not cleartext without them is not cleartext with them, and
            // most URLs are HTTPS, so the file's options are read only for the rest.
            var url = UrlValue.Resolve(value, context.CancellationToken);
            if (!url.IsKnown || !HttpUrls.IsCleartext(url.Text, ImmutableHashSet<string>.Empty, out _))
            {
                return;
            }

            var options = AiSecureOptions.Get(context.Options, value.Syntax.SyntaxTree);
            if (!HttpUrls.IsCleartext(url.Text, options.AllowedHttpHosts, out var schemeIndex))
            {
                return;
            }

            var additional = ImmutableArray<Location>.Empty;
            if (url.TextLocation is { SourceTree: { } tree } textLocation)
            {
                var start = textLocation.SourceSpan.Start + url.TextOffset + schemeIndex;
                additional = ImmutableArray.Create(Location.Create(tree, new TextSpan(start, HttpUrls.CleartextScheme.Length)));
            }

            var shown = url.Text.Trim();
            if (!url.IsComplete)
            {
                shown += "…";
            }

            shown = Shorten(shown);

            var properties = ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, HttpsReplacement);
            context.ReportDiagnostic(Diagnostic.Create(Descriptors.CleartextEndpoint, value.Syntax.GetLocation(), additional, properties, $"The endpoint '{shown}'"));
        }

        /// <summary>
        /// AISEC020 in configuration files: an <c>http://</c> value whose key code in the project reads into an endpoint sink.
        /// Each file is judged on its own (a Development file may point at localhost); listen addresses are no endpoints.
        /// </summary>
        private static void ReportConfigurationFiles(CompilationAnalysisContext context, ImmutableArray<AdditionalText> files, ConfigurationReads reads)
        {
            var sinkKeys = reads.ResolveSinkKeys();
            if (sinkKeys.Count == 0)
            {
                return;
            }

            foreach (var additionalFile in files)
            {
                if (ConfigurationFiles.Read(additionalFile, context.CancellationToken) is not { } file)
                {
                    continue;
                }

                foreach (var value in file.Values)
                {
                    var key = value.ConfigurationKey;
                    if ((!sinkKeys.TryGetValue(key, out var sink) && (value.EnvironmentVariable == null
                            || !sinkKeys.TryGetValue(ConfigurationReads.EnvironmentVariableKey(value.EnvironmentVariable), out sink)))
                        || IsListenAddress(key)
                        || !HttpUrls.IsCleartext(value.Value, ImmutableHashSet<string>.Empty, out _)
                        || !HttpUrls.IsCleartext(value.Value, AiSecureOptions.Get(context.Options, additionalFile).AllowedHttpHosts, out var schemeIndex))
                    {
                        continue;
                    }

                    // The fix rewrites the scheme where the file spells it out (not through \u escapes).
                    var additional = ImmutableArray<Location>.Empty;
                    var scheme = new TextSpan(value.ContentStart + schemeIndex, HttpUrls.CleartextScheme.Length);
                    if (scheme.End <= file.Text.Length && string.Equals(file.Text.ToString(scheme), HttpUrls.CleartextScheme, System.StringComparison.OrdinalIgnoreCase))
                    {
                        additional = ImmutableArray.Create(file.LocationOf(scheme));
                    }

                    var properties = ImmutableDictionary<string, string?>.Empty.Add(ReplacementProperty, HttpsReplacement);
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.CleartextEndpointInConfiguration, file.LocationOf(value.Token), additional, properties, Shorten(value.Value.Trim()), value.Path, file.FileName, sink));
                }
            }
        }

        /// <summary><c>Urls</c>, <c>Kestrel:Endpoints:{name}:Url</c>, <c>ASPNETCORE_URLS</c>: where the service listens, not what it calls.</summary>
        private static bool IsListenAddress(string key)
        {
            var parts = key.Split(':');
            return (parts.Length == 1 && (Is(parts[0], "Urls") || Is(parts[0], "ASPNETCORE_URLS") || Is(parts[0], "DOTNET_URLS")))
                   || (parts.Length == 4 && Is(parts[0], "Kestrel") && Is(parts[1], "Endpoints") && Is(parts[3], "Url"));
        }

        private static bool Is(string text, string expected) => string.Equals(text, expected, System.StringComparison.OrdinalIgnoreCase);

        private static string Shorten(string shown) => shown.Length > MaxShownUrlLength ? shown.Substring(0, MaxShownUrlLength) + "…" : shown;

        private sealed class EndpointSymbols
        {
            private EndpointSymbols(Compilation compilation)
            {
                ClientConfig = TypeResolver.Get(compilation, "Amazon.Runtime.ClientConfig");
                OpenAIClientOptions = TypeResolver.Get(compilation, "OpenAI.OpenAIClientOptions");
                AzureOpenAIClient = TypeResolver.Get(compilation, "Azure.AI.OpenAI.AzureOpenAIClient");
                HttpClient = TypeResolver.Get(compilation, "System.Net.Http.HttpClient");
                HttpRequestMessage = TypeResolver.Get(compilation, "System.Net.Http.HttpRequestMessage");
                OllamaApiClient = TypeResolver.Get(compilation, "OllamaSharp.OllamaApiClient");
                AnthropicClient = TypeResolver.Get(compilation, "Anthropic.AnthropicClient");
                KernelBuilder = TypeResolver.Get(compilation, "Microsoft.SemanticKernel.IKernelBuilder");
                WebRequest = TypeResolver.Get(compilation, "System.Net.WebRequest");
                Uri = TypeResolver.Get(compilation, "System.Uri");
            }

            public readonly INamedTypeSymbol? ClientConfig;

            public readonly INamedTypeSymbol? OpenAIClientOptions;

            public readonly INamedTypeSymbol? AzureOpenAIClient;

            public readonly INamedTypeSymbol? HttpClient;

            public readonly INamedTypeSymbol? HttpRequestMessage;

            public readonly INamedTypeSymbol? OllamaApiClient;

            public readonly INamedTypeSymbol? WebRequest;

            public readonly INamedTypeSymbol? AnthropicClient;

            public readonly INamedTypeSymbol? KernelBuilder;

            public readonly INamedTypeSymbol? Uri;

            public bool HasAny => ClientConfig != null || OpenAIClientOptions != null || AzureOpenAIClient != null || HttpClient != null
                || HttpRequestMessage != null || OllamaApiClient != null || WebRequest != null || AnthropicClient != null || KernelBuilder != null;

            public static EndpointSymbols Create(Compilation compilation) => new(compilation);
        }
    }
}
