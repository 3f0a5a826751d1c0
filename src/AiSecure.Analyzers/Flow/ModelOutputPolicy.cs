using System.Collections.Immutable;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// The "model output and tool arguments" taint policy of AISEC003 (docs/rules/AISEC003.md): what the SDKs return
    /// (members and methods of their response types, the calls that return model text), and the parameters of tools the
    /// model calls. Cleared by methods marked <c>[OutputValidator]</c> or listed in <c>aisecure.output_validators</c>
    /// (every kind), and by kind-specific sanitizers (an HTML encoder clears HTML only). New sources and sinks are rows
    /// in <see cref="ModelOutputCatalog"/> and <see cref="DangerousSinks"/>; what the engine does with them is shared.
    /// </summary>
    internal sealed class ModelOutputPolicy : ITaintPolicy
    {
        private readonly ModelOutputCatalog _catalog;
        private readonly ImmutableArray<ConfiguredMember> _validators;
        private readonly bool _pathShapes;
        private ModelOutputPolicy? _withoutPathShapes;

        public ModelOutputPolicy(ModelOutputCatalog catalog, TextTypes types, ImmutableArray<ConfiguredMember> validators)
            : this(catalog, types, validators, pathShapes: true)
        {
        }

        private ModelOutputPolicy(ModelOutputCatalog catalog, TextTypes types, ImmutableArray<ConfiguredMember> validators, bool pathShapes)
        {
            _catalog = catalog;
            Types = types;
            _validators = validators;
            _pathShapes = pathShapes;
        }

        public TextTypes Types { get; }

        public string? GetSource(IOperation operation)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property:
                    return _catalog.IsOutputType(property.Property.ContainingType) || _catalog.IsOutputType(property.Instance?.Type)
                        ? "'" + property.Property.ContainingType.Name + "." + property.Property.Name + "'"
                        : null;
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    var receiver = invocation.Instance ?? (method.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
                    return _catalog.IsTextCall(method) || _catalog.IsOutputType(method.ContainingType) || _catalog.IsOutputType(receiver?.Type)
                        ? "'" + method.ContainingType.Name + "." + method.Name + "'"
                        : null;
                default:
                    return null;
            }
        }

        /// <summary>
        /// A parameter of a tool that the model writes: of a method marked as a tool (<c>[McpServerTool]</c>,
        /// <c>[KernelFunction]</c>), or of a lambda handed to a tool factory (<c>AIFunctionFactory.Create</c>) unless the tool
        /// is wrapped for approval. Methods handed to a factory as method groups are registered by the analyzer.
        /// </summary>
        public string? GetParameterSource(IParameterSymbol parameter, IOperation reference)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method || !AgentTools.IsModelWritten(parameter))
            {
                return null;
            }

            if (method.MethodKind == MethodKind.Ordinary && AgentTools.AttributeKind(method) is { } kind)
            {
                return AgentTools.DescribeArgument(parameter, kind, method.Name);
            }

            if (method.MethodKind == MethodKind.AnonymousFunction && AgentTools.UnapprovedFactoryOfLambda(method, reference) is { } factory)
            {
                return AgentTools.DescribeArgument(parameter, factory.Kind, factory.Name);
            }

            return null;
        }

        public HelperGuard? PendingSourceCheck(IParameterSymbol parameter, IOperation reference)
        {
            // AIFunctionFactory.Create((string path) => …) in tools that ToolApproval.Require(tools), in another file, wraps.
            if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda && reference.EnclosingLambda(lambda, out _) is { } function
                && AgentTools.FactoryOf(function) is { } factory && AgentTools.Approval(factory.Invocation, out var pending) && pending != null)
            {
                return new HelperGuard(pending, false, HelperCheck.Approves);
            }

            return null;
        }

        public int SanitizedKinds(IMethodSymbol method)
        {
            if (!_validators.IsEmpty && ConfiguredSymbols.TryFind(_validators, method, out _))
            {
                return SinkKinds.AllKinds;
            }

            return _catalog.SanitizedKinds((method.ReducedFrom ?? method).OriginalDefinition);
        }

        public bool IsValidator(IMethodSymbol method)
            => ModelOutputCatalog.HasAttributeNamed((method.ReducedFrom ?? method).OriginalDefinition, "OutputValidator")
               || (!_validators.IsEmpty && ConfiguredSymbols.TryFind(_validators, method, out _));

        public bool IsPassThrough(IMethodSymbol method) => _catalog.IsPassThrough(method);

        /// <summary>A URL whose host an allow-list checked cannot send a request elsewhere (docs/rules/AISEC003.md).</summary>
        public int HostCheckedKinds => SinkKinds.Of((int)DangerousSinkKind.Url);

        /// <summary>
        /// A path-shape guard confines a file path and nothing else: SQL, a process, HTML or a URL built from the same value
        /// stay unchecked (docs/rules/AISEC003.md).
        /// </summary>
        public int PathShapeKinds => _pathShapes ? SinkKinds.Of((int)DangerousSinkKind.Path) : SinkKinds.None;

        public ITaintPolicy WithoutPathShapes
            => !_pathShapes ? this : _withoutPathShapes ??= new ModelOutputPolicy(_catalog, Types, _validators, pathShapes: false);

        /// <summary>
        /// Model output kept in a field by one method and used by another (a Blazor component's <c>_answer</c>, a service's
        /// last plan) is still model output (docs/rules/AISEC003.md).
        /// </summary>
        public bool FollowsMemberWrites => true;

        /// <summary>Ids and metadata the AI service fills in its own types are not the model's text (docs/rules/AISEC003.md).</summary>
        public bool IsCleanMember(IPropertySymbol property) => ModelOutputCatalog.IsServiceMetadata(property);

        public RoleHint MemberHint(string memberName) => RoleHint.None;

        public RoleHint SiblingHint(string memberName, object? constant) => RoleHint.None;
    }
}
