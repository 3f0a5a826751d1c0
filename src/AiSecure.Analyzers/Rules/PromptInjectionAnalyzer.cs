using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using AiSecure.Analyzers.Flow;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Rules
{
    /// <summary>
    /// AISEC001: untrusted input is concatenated into an LLM prompt (user text composed from it, or any
    /// untrusted value in a prompt template).
    /// AISEC002: untrusted input is placed in a system or developer instruction.
    /// Sinks and sources are data (<see cref="PromptCatalog"/>); the flow is <see cref="TaintEngine"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PromptInjectionAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Diagnostic property: the role of the sink ("User", "Template", "System").</summary>
        internal const string RoleProperty = "Role";

        /// <summary>Diagnostic property: the sanitizer the fix calls (<c>global::Ns.Type.Method</c>); absent when the project has none.</summary>
        internal const string SanitizerProperty = "Sanitizer";

        /// <summary>Diagnostic property: "true" when the sink is a Semantic Kernel prompt template that takes <c>KernelArguments</c>.</summary>
        internal const string TemplateVariableProperty = "TemplateVariable";

        /// <summary>Diagnostic property: "true" when the system-role sink is a message the fix can follow with a user message.</summary>
        internal const string MoveToUserProperty = "MoveToUser";

        /// <summary>Diagnostic property: how many of the additional locations are untrusted parts (all of them, today).</summary>
        internal const string PartCountProperty = "PartCount";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Descriptors.PromptInjection, Descriptors.SystemPromptInjection, Descriptors.PromptInjectionAcrossMethods, Descriptors.SystemPromptInjectionAcrossMethods);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(OnCompilationStart);
        }

        private static void OnCompilationStart(CompilationStartAnalysisContext context)
        {
            // Configured sinks are read per file, so any file that sets the option keeps the rule on.
            if (PromptSymbols.Create(context.Compilation, () => AiSecureOptions.IsSetAnywhere(context.Options, context.Compilation, OptionKeys.PromptSinks)) is not { } symbols)
            {
                return;
            }

            var state = new CompilationState(context.Compilation, context.Options, symbols);
            context.RegisterOperationBlockAction(state.OnOperationBlock);

            // Flows that cross methods (a controller passes request data to a service that builds the
            // prompt) need every method's sinks and call sites; only the end of the compilation has them
            // all. Flows inside one method are reported from the operation block, so the IDE shows them.
            context.RegisterCompilationEndAction(state.OnCompilationEnd);
        }

        /// <summary>Per-compilation state: deferred sinks and call sites, resolved at compilation end.</summary>
        private sealed class CompilationState
        {
            private readonly Compilation _compilation;
            private readonly PromptSymbols _symbols;
            private readonly ConfiguredSymbols _configured;
            private readonly ConcurrentBag<DeferredSink> _deferredSinks = new();

            /// <summary>Calls, returns and handlers of this compilation, for flows across methods.</summary>
            public readonly CrossMethodFlow CrossMethod = new();

            public CompilationState(Compilation compilation, AnalyzerOptions options, PromptSymbols symbols)
            {
                _compilation = compilation;
                Options = options;
                _symbols = symbols;
                _configured = new ConfiguredSymbols(compilation);
            }

            /// <summary>
            /// One walk over a method's operations collects its sinks and calls; the taint engine then runs only if
            /// there is a sink. (One block action: operation actions registered per block cost a dispatch each.)
            /// </summary>
            [MethodImpl(CodeTier.Optimized)]
            public void OnOperationBlock(OperationBlockAnalysisContext context)
            {
                if (context.OwningSymbol is not IMethodSymbol method)
                {
                    return;
                }

                var tree = context.OperationBlocks.IsEmpty ? null : context.OperationBlocks[0].Syntax.SyntaxTree;
                if (tree == null)
                {
                    return;
                }

                if (!_policies.TryGetValue(tree, out var treePolicy))
                {
                    var options = AiSecureOptions.Get(Options, tree);
                    treePolicy = _policies.GetOrAdd(tree, new TreePolicy(new UntrustedInputPolicy(_symbols, _configured, options), _configured.Resolve(options.PromptSinks)));
                }

                var block = new MethodBlock(this, method, treePolicy.Policy, treePolicy.Sinks, context.OperationBlocks, context.CancellationToken);
                foreach (var root in context.OperationBlocks)
                {
                    foreach (var operation in root.WalkTree())
                    {
                        switch (operation.Kind)
                        {
                            case OperationKind.Invocation:
                                block.OnInvocation((IInvocationOperation)operation);
                                break;
                            case OperationKind.ObjectCreation:
                                block.OnCreation((IObjectCreationOperation)operation);
                                break;
                            case OperationKind.SimpleAssignment:
                                block.OnAssignment((ISimpleAssignmentOperation)operation);
                                break;
                            case OperationKind.Conversion:
                                block.OnConversion((IConversionOperation)operation);
                                break;
                        }
                    }
                }

                block.OnBlockEnd(context);
            }

            // Per compilation, so a plain concurrent map (striped locks) rather than a weak table (one lock for all adds).
            private readonly ConcurrentDictionary<SyntaxTree, TreePolicy> _policies = new();

            /// <summary>The policy of one file's options (shared by its methods) and the prompt sinks they configure.</summary>
            private sealed class TreePolicy
            {
                public TreePolicy(UntrustedInputPolicy policy, ImmutableArray<ConfiguredMember> sinks)
                {
                    Policy = policy;
                    Sinks = sinks;
                }

                public readonly UntrustedInputPolicy Policy;

                public readonly ImmutableArray<ConfiguredMember> Sinks;
            }

            public void AddDeferred(DeferredSink sink) => _deferredSinks.Add(sink);

            /// <summary>
            /// The sanitizer named by <c>aisecure.prompt_sanitizers</c> that the fix can call, if any. A method marked
            /// <c>[PromptSanitizer]</c> is found by the fix itself: searching every member of the compilation for it
            /// is a cost the build should not pay for a light bulb.
            /// </summary>
            public string? Sanitizer(ImmutableArray<ConfiguredMember> configured)
            {
                foreach (var member in configured)
                {
                    if (member.Symbol is IMethodSymbol method && PromptSanitizers.IsUsable(method))
                    {
                        return PromptSanitizers.QualifiedName(method);
                    }
                }

                return null;
            }

            public ConfiguredSymbols Configured => _configured;

            public readonly AnalyzerOptions Options;

            /// <summary>
            /// Sinks whose value depends on other methods (a parameter some caller fills, a helper's return value) are
            /// reported here, with the descriptors tagged CompilationEnd: the IDE shows them in full-solution analysis.
            /// </summary>
            public void OnCompilationEnd(CompilationAnalysisContext context)
            {
                if (_deferredSinks.IsEmpty)
                {
                    return;
                }

                var reported = new HashSet<LocatedKey>();
                foreach (var sink in _deferredSinks.OrderBy(s => s.Location, SourceOrder.Locations))
                {
                    foreach (var origin in sink.Origins)
                    {
                        var found = CrossMethod.Resolve(origin, context.CancellationToken);
                        if (found == null)
                        {
                            continue;
                        }

                        var finding = Classify(sink.Role, found.Origin.Composed, found.Origin.Hint);
                        if (finding == Finding.None || !reported.Add(new LocatedKey(sink.Location, finding == Finding.System ? DiagnosticIds.SystemPromptInjection : DiagnosticIds.PromptInjection)))
                        {
                            continue;
                        }

                        var through = found.Caller == null ? string.Empty : $", passed by '{found.Caller}'";
                        context.ReportDiagnostic(finding == Finding.System
                            ? Diagnostic.Create(Descriptors.SystemPromptInjectionAcrossMethods, sink.Location, sink.AdditionalLocations, sink.Properties, found.Origin.Display, sink.Display, through)
                            : Diagnostic.Create(Descriptors.PromptInjectionAcrossMethods, sink.Location, sink.AdditionalLocations, sink.Properties, found.Origin.Display, sink.Display, through));
                    }
                }
            }
        }

        /// <summary>One method body: its sinks and calls, then the taint engine over it at block end.</summary>
        private sealed class MethodBlock
        {
            private readonly CompilationState _state;
            private readonly UntrustedInputPolicy _policy;
            private readonly ImmutableArray<ConfiguredMember> _configuredSinks;
            private readonly MethodFlow _flow;
            private readonly List<SinkSite> _sinks = new();

            public MethodBlock(CompilationState state, IMethodSymbol method, UntrustedInputPolicy policy, ImmutableArray<ConfiguredMember> configuredSinks, ImmutableArray<IOperation> roots, CancellationToken cancellationToken)
            {
                _state = state;
                _policy = policy;
                _configuredSinks = configuredSinks;
                _flow = new MethodFlow(method, policy, roots, cancellationToken);
                state.CrossMethod.RecordReturns(_flow);
            }

            private TaintEngine Engine => _flow.Engine;

            private sealed class SinkFinding
            {
                public SinkFinding(SinkSite site, SinkRole role, TaintValue value, int order)
                {
                    Site = site;
                    Role = role;
                    Value = value;
                    Order = order;
                }

                public readonly SinkSite Site;

                public readonly SinkRole Role;

                public readonly TaintValue Value;

                public readonly int Order;
            }

            public void OnInvocation(IInvocationOperation invocation)
            {
                var method = invocation.TargetMethod;
                CollectArgumentSinks(method, invocation, invocation.Arguments);
                _state.CrossMethod.RecordCall(_flow, invocation, method, invocation.Arguments);

                if (_policy.DescribeEndpoint(invocation) is { } endpoint
                    && UntrustedInputPolicy.HandlerOf(invocation) is IMethodReferenceOperation { Method: { } handler } && IsInSource(handler))
                {
                    // A handler given as a method group: its parameters are request data (docs/rules/AISEC001.md, "Sources"),
                    // except the services, context and cancellation token the host injects, as for any endpoint.
                    var policy = _policy;
                    _state.CrossMethod.AddParameterSource(handler, parameter => policy.IsExcluded(parameter) ? null : $"parameter '{parameter.Name}' of the {endpoint} endpoint handler '{handler.Name}'");
                }
            }

            public void OnCreation(IObjectCreationOperation creation)
            {
                if (creation.Constructor is { } constructor)
                {
                    CollectArgumentSinks(constructor, creation, creation.Arguments);
                    _state.CrossMethod.RecordCall(_flow, creation, constructor, creation.Arguments);
                }
            }

            public void OnAssignment(ISimpleAssignmentOperation assignment)
            {
                if (assignment.Target is not IPropertyReferenceOperation { Property: { } property })
                {
                    return;
                }

                if (_policy.Symbols.TryGetPropertySink(property, out var row))
                {
                    _sinks.Add(new SinkSite(row, assignment.Value, assignment, $"{property.ContainingType.Name}.{property.Name}"));
                }
                else if (!_configuredSinks.IsEmpty && ConfiguredSymbols.TryFind(_configuredSinks, property, out _))
                {
                    _sinks.Add(new SinkSite(ConfiguredRow, assignment.Value, assignment, $"{property.ContainingType.Name}.{property.Name}"));
                }
            }

            public void OnConversion(IConversionOperation conversion)
            {
                if (conversion.OperatorMethod is { } operatorMethod && _policy.Symbols.TryGetConversionSink(operatorMethod, out var row))
                {
                    _sinks.Add(new SinkSite(row, conversion.Operand, conversion, PromptRoles.DisplayConsumer(conversion) ?? operatorMethod.ContainingType.Name));
                }
            }

            private static readonly SinkRow ConfiguredRow = new("configured", string.Empty, SinkMemberKind.Argument, string.Empty, null, SinkRole.User);

            private void CollectArgumentSinks(IMethodSymbol method, IOperation anchor, ImmutableArray<IArgumentOperation> arguments)
            {
                if (_policy.Symbols.TryGetArgumentSinks(method, out var rows))
                {
                    foreach (var argument in arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter == null)
                        {
                            continue;
                        }

                        foreach (var row in rows)
                        {
                            if (row.Parameter == argument.Parameter.Name)
                            {
                                _sinks.Add(new SinkSite(row, argument.Value, anchor, PromptRoles.DisplayMember(method)));
                            }
                        }
                    }
                }

                if (!_configuredSinks.IsEmpty && ConfiguredSymbols.TryFind(_configuredSinks, method, out var member))
                {
                    foreach (var argument in arguments)
                    {
                        if (argument.ArgumentKind != ArgumentKind.DefaultValue && argument.Parameter is { } parameter
                            && (member.ParameterName == null ? parameter.Type.SpecialType == SpecialType.System_String : member.ParameterName == parameter.Name))
                        {
                            _sinks.Add(new SinkSite(ConfiguredRow, argument.Value, anchor, PromptRoles.DisplayMember(method)));
                        }
                    }
                }
            }

            private static bool IsInSource(IMethodSymbol method)
                => !method.Locations.IsEmpty && method.Locations[0].IsInSource;

            public void OnBlockEnd(OperationBlockAnalysisContext context)
            {
                if (_sinks.Count == 0)
                {
                    return;
                }

                var findings = new List<SinkFinding>();
                foreach (var site in _sinks)
                {
                    if (!CarriesTextItself(site))
                    {
                        // A list of content blocks: the blocks inside are sinks of their own.
                        continue;
                    }

                    var role = PromptRoles.Resolve(site.Row, site.Anchor, _policy.Symbols, value => Engine.Evaluate(value).Origins.Any(o => o.Display != null));

                    // Past the budget a value is unknown for what was not seen; the untrusted parts found are reported.
                    var value = Engine.Evaluate(site.Value);
                    if (value.IsTainted)
                    {
                        findings.Add(new SinkFinding(site, role, value, findings.Count));
                    }
                }

                findings.Sort(static (a, b) => a.Site.Value.Syntax.SpanStart != b.Site.Value.Syntax.SpanStart
                    ? a.Site.Value.Syntax.SpanStart.CompareTo(b.Site.Value.Syntax.SpanStart)
                    : a.Order.CompareTo(b.Order));
                foreach (var finding in findings)
                {
                    Report(context, finding.Site, finding.Role, finding.Value);
                }
            }

            private static bool CarriesTextItself(SinkSite site)
            {
                if (site.Row.Role == SinkRole.Serialized)
                {
                    return true;
                }

                var type = site.Value.WalkDownConversions().Type;
                return type == null || type.SpecialType is SpecialType.System_String or SpecialType.System_Object;
            }

            private void Report(OperationBlockAnalysisContext context, SinkSite site, SinkRole role, TaintValue value)
            {
                var location = site.Value.Syntax.GetLocation();
                var parts = value.Parts
                    .Where(p => p.Syntax.SyntaxTree == location.SourceTree)
                    .Select(p => p.Syntax.GetLocation())
                    .Distinct()
                    .ToImmutableArray();
                var properties = Properties(site, role, parts.Length);

                var deferred = new List<TaintOrigin>();
                foreach (var origin in value.Origins)
                {
                    if (origin.Display != null && origin.Guard == null)
                    {
                        // Known inside this method: reported from the block action, so the editor shows it live.
                        switch (Classify(role, origin.Composed, origin.Hint))
                        {
                            case Finding.System:
                                context.ReportDiagnostic(Diagnostic.Create(Descriptors.SystemPromptInjection, location, parts, properties, origin.Display, site.Display, string.Empty));
                                return;
                            case Finding.Prompt:
                                context.ReportDiagnostic(Diagnostic.Create(Descriptors.PromptInjection, location, parts, properties, origin.Display, site.Display, string.Empty));
                                return;
                        }
                    }
                    else if (origin.Parameter != null || origin.Call != null || origin.Guard != null)
                    {
                        deferred.Add(origin);
                    }
                }

                if (deferred.Count > 0)
                {
                    _state.AddDeferred(new DeferredSink(location, parts, properties, role, site.Display, deferred.ToImmutableArray()));
                }
            }

            private ImmutableDictionary<string, string?> Properties(SinkSite site, SinkRole role, int partCount)
            {
                var builder = ImmutableDictionary.CreateBuilder<string, string?>();
                builder[RoleProperty] = role == SinkRole.System ? "System" : role == SinkRole.Template ? "Template" : "User";
                builder[PartCountProperty] = partCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var options = AiSecureOptions.Get(_state.Options, site.Value.Syntax.SyntaxTree);
                var sanitizer = _state.Sanitizer(_state.Configured.Resolve(options.PromptSanitizers));
                if (sanitizer != null)
                {
                    builder[SanitizerProperty] = sanitizer;
                }

                if (role == SinkRole.Template && site.Row.Type == "Microsoft.SemanticKernel.KernelExtensions"
                    && site.Row.Member is "InvokePromptAsync" or "InvokePromptStreamingAsync")
                {
                    builder[TemplateVariableProperty] = "true";
                }

                if (role == SinkRole.System && IsMovable(site))
                {
                    builder[MoveToUserProperty] = "true";
                }

                return builder.ToImmutable();
            }

            /// <summary>A system message built inside a list, an array or a chat history, where a user message can follow it.</summary>
            private static bool IsMovable(SinkSite site)
            {
                switch (site.Row.Type)
                {
                    case "Microsoft.SemanticKernel.ChatCompletion.ChatHistory" when site.Row.Member is "AddSystemMessage" or "AddDeveloperMessage":
                        return site.Anchor.Parent is IExpressionStatementOperation;
                    case "Microsoft.Extensions.AI.ChatMessage" when site.Anchor is not IObjectCreationOperation { Arguments.Length: 2 } creation
                                                                     || creation.Arguments[0].Value.WalkDownConversions() is not IPropertyReferenceOperation { Property.IsStatic: true }:
                        // The fix writes ChatRole.User where ChatRole.System was written; a computed role is left alone.
                        return false;
                    case "OpenAI.Chat.SystemChatMessage":
                    case "OpenAI.Chat.DeveloperChatMessage":
                    case "OpenAI.Chat.ChatMessage" when site.Row.Member is "CreateSystemMessage" or "CreateDeveloperMessage":
                    case "Microsoft.Extensions.AI.ChatMessage":
                        var parent = site.Anchor.Parent;
                        while (parent is IConversionOperation)
                        {
                            parent = parent.Parent;
                        }

                        return parent is IArrayInitializerOperation
                               || (parent is IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add" } add } && (add.Parent is IExpressionStatementOperation || add.Parent is IObjectOrCollectionInitializerOperation))
                               || parent?.Kind == OperationKinds.CollectionExpression;
                    default:
                        return false;
                }
            }

        }

        /// <summary>Which rule applies to an untrusted value at a sink of <paramref name="role"/>, if any.</summary>
        private static Finding Classify(SinkRole role, bool composed, RoleHint hint)
        {
            switch (role)
            {
                case SinkRole.System:
                    return Finding.System;
                case SinkRole.Template:
                    return Finding.Prompt;
                case SinkRole.Serialized:
                    return hint == RoleHint.System ? Finding.System : composed ? Finding.Prompt : Finding.None;
                default:
                    // A raw untrusted value passed whole as the user's message is the intended use.
                    return composed ? Finding.Prompt : Finding.None;
            }
        }

        /// <summary>Which rule an untrusted value at a sink breaks: AISEC001 (<see cref="Prompt"/>), AISEC002 (<see cref="System"/>) or none.</summary>
        private enum Finding
        {
            None,
            Prompt,
            System,
        }

        private sealed class SinkSite
        {
            public SinkSite(SinkRow row, IOperation value, IOperation anchor, string display)
            {
                Row = row;
                Value = value;
                Anchor = anchor;
                Display = "'" + display + "'";
            }

            public readonly SinkRow Row;

            /// <summary>The prompt value at the sink (argument value, assigned value, converted operand).</summary>
            public readonly IOperation Value;

            /// <summary>The call, creation, assignment or conversion that is the sink.</summary>
            public readonly IOperation Anchor;

            public readonly string Display;
        }

        private sealed class DeferredSink
        {
            public DeferredSink(Location location, ImmutableArray<Location> additionalLocations, ImmutableDictionary<string, string?> properties, SinkRole role, string display, ImmutableArray<TaintOrigin> origins)
            {
                Location = location;
                AdditionalLocations = additionalLocations;
                Properties = properties;
                Role = role;
                Display = display;
                Origins = origins;
            }

            public readonly Location Location;

            public readonly ImmutableArray<Location> AdditionalLocations;

            public readonly ImmutableDictionary<string, string?> Properties;

            public readonly SinkRole Role;

            public readonly string Display;

            /// <summary>Parameter origins of the method that holds the sink.</summary>
            public readonly ImmutableArray<TaintOrigin> Origins;
        }
    }
}
