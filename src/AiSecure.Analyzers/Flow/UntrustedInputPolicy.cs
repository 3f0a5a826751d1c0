using System;
using System.Collections.Immutable;
using AiSecure.Analyzers.Knowledge;
using AiSecure.Analyzers.Options;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// The "untrusted input" taint policy of docs/rules/AISEC001.md and AISEC002.md: web entry-point parameters, request content,
    /// console, files, web and S3 content, configured sources; <c>[PromptSanitizer]</c> and
    /// <c>[PromptValidator]</c> methods and their configured twins.
    /// </summary>
    internal sealed class UntrustedInputPolicy : ITaintPolicy
    {
        private static readonly ImmutableHashSet<string> MapMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "Map", "MapGet", "MapPost", "MapPut", "MapPatch", "MapDelete", "MapMethods");

        private readonly ImmutableArray<ConfiguredMember> _sources;
        private readonly ImmutableArray<ConfiguredMember> _sanitizers;
        private readonly ImmutableArray<ConfiguredMember> _validators;
        private readonly UntrustedParameterMode _mode;

        public UntrustedInputPolicy(PromptSymbols symbols, ConfiguredSymbols configured, AiSecureOptions options)
        {
            Symbols = symbols;
            _sources = configured.Resolve(options.UntrustedSources);
            _sanitizers = configured.Resolve(options.PromptSanitizers);
            _validators = configured.Resolve(options.PromptValidators);
            _mode = options.UntrustedParameters;
        }

        public readonly PromptSymbols Symbols;

        public TextTypes Types => Symbols.Types;

        public bool IsPassThrough(IMethodSymbol method) => false;

        public int HostCheckedKinds => SinkKinds.None;

        /// <summary>A path-shape guard says nothing about what text tells a model (docs/rules/AISEC001.md).</summary>
        public int PathShapeKinds => SinkKinds.None;

        public ITaintPolicy WithoutPathShapes => this;

        public bool FollowsMemberWrites => false;

        public bool IsCleanMember(IPropertySymbol property) => false;

        /// <summary>A member named <c>system</c> (or <c>instructions</c>) of a serialized request is a system instruction.</summary>
        public RoleHint MemberHint(string memberName) => PromptCatalog.SystemMemberNames.Contains(memberName) ? RoleHint.System : RoleHint.None;

        /// <summary>A constant sibling <c>role</c> member: the system and developer roles make the message a system instruction.</summary>
        public RoleHint SiblingHint(string memberName, object? constant)
            => string.Equals(memberName, "role", StringComparison.OrdinalIgnoreCase) && constant is string role
                ? PromptCatalog.SystemRoleNames.Contains(role) ? RoleHint.System : RoleHint.User
                : RoleHint.None;

        public string? GetSource(IOperation operation)
        {
            ISymbol? member = operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IPropertyReferenceOperation property => property.Property,
                IFieldReferenceOperation field => field.Field,
                IObjectCreationOperation creation => creation.Constructor,
                _ => null,
            };

            if (member == null)
            {
                return null;
            }

            if (Symbols.TryGetSource(member, out var row))
            {
                return row.Kind == SourceKind.UntrustedInput && !(row.TrustedAtConstantPath && HasConstantPath(operation)) ? row.Display : null;
            }

            if (!_sources.IsEmpty && ConfiguredSymbols.TryFind(_sources, member, out _))
            {
                return "'" + member.ContainingType?.Name + "." + member.Name + "'";
            }

            // A page or controller property filled by model binding, read in the same class.
            if (operation is IPropertyReferenceOperation { Instance: IInstanceReferenceOperation } && member is IPropertySymbol boundProperty && IsBoundProperty(boundProperty))
            {
                return $"bound property '{boundProperty.Name}' of '{boundProperty.ContainingType.Name}'";
            }

            return null;
        }

        /// <summary>
        /// A file read whose path (the first text argument) names a file that ships with the app: a compile-time constant,
        /// or constants under the app's own directory (<c>Path.Combine(AppContext.BaseDirectory, "Prompts", "system.md")</c>,
        /// <c>env.ContentRootPath</c>), directly or through a local written once (docs/rules/AISEC001.md, "Sources").
        /// </summary>
        private static bool HasConstantPath(IOperation operation)
        {
            var arguments = operation switch
            {
                IInvocationOperation invocation => invocation.Arguments,
                IObjectCreationOperation creation => creation.Arguments,
                _ => ImmutableArray<IArgumentOperation>.Empty,
            };

            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    return IsShippedPath(argument.Value, 0);
                }
            }

            return false;
        }

        private const int MaxShippedPathDepth = 8;

        /// <summary>A path made only of constants and the app's base or content-root directory: it cannot name a file the request chose.</summary>
        private static bool IsShippedPath(IOperation value, int depth)
        {
            if (value.ConstantValue is { HasValue: true, Value: string })
            {
                return true;
            }

            if (depth > MaxShippedPathDepth)
            {
                return false;
            }

            switch (value)
            {
                case IConversionOperation conversion:
                    return IsShippedPath(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return IsShippedPath(parenthesized.Operand, depth + 1);
                case IPropertyReferenceOperation property:
                    return IsAppDirectory(property.Property) || (property.Property.SetMethod == null && IsShippedInitializer(property, property.Property, depth));
                case IFieldReferenceOperation field:
                    // Static: an instance field's constructor could write a different path over the initializer.
                    return field.Field is { IsReadOnly: true, IsStatic: true } && IsShippedInitializer(field, field.Field, depth);
                case ILocalReferenceOperation local:
                    return local.SingleWrite() is { } initializer && IsShippedPath(initializer, depth + 1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return IsShippedPath(binary.LeftOperand, depth + 1) && IsShippedPath(binary.RightOperand, depth + 1);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole && !IsShippedPath(hole.Expression, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                case IInvocationOperation { TargetMethod: { Name: "Combine" or "Join", ContainingType: { Name: "Path", ContainingNamespace: { Name: "IO", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } } call:
                    foreach (var argument in call.Arguments)
                    {
                        if (argument.Value is IArrayCreationOperation { Initializer: { } elements })
                        {
                            foreach (var element in elements.ElementValues)
                            {
                                if (!IsShippedPath(element, depth + 1))
                                {
                                    return false;
                                }
                            }
                        }
                        else if (!IsShippedPath(argument.Value, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A read-only field or get-only property of this file whose initializer (or expression body) is a shipped path:
        /// <c>static readonly string RulesPath = Path.Combine(AppContext.BaseDirectory, "Prompts", "rules.md")</c>.
        /// </summary>
        private static bool IsShippedInitializer(IOperation reference, ISymbol member, int depth)
        {
            var model = reference.SemanticModel;
            if (model == null || member.DeclaringSyntaxReferences.Length != 1)
            {
                return false;
            }

            var declaration = member.DeclaringSyntaxReferences[0];
            if (declaration.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            var value = declaration.GetSyntax() switch
            {
                Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax declarator => declarator.Initializer?.Value,
                Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax property => property.ExpressionBody?.Expression ?? (member.IsStatic ? property.Initializer?.Value : null),
                _ => null,
            };

            return value != null && model.GetOperation(value) is { } initializer && IsShippedPath(initializer, depth + 1);
        }

        /// <summary><c>AppContext.BaseDirectory</c>, <c>AppDomain.BaseDirectory</c>, a hosting environment's <c>ContentRootPath</c> / <c>WebRootPath</c>.</summary>
        private static bool IsAppDirectory(IPropertySymbol property)
        {
            var type = property.ContainingType;
            switch (property.Name)
            {
                case "BaseDirectory":
                    return type?.Name is "AppContext" or "AppDomain" && type.ContainingNamespace is { Name: "System", ContainingNamespace.IsGlobalNamespace: true };
                case "ContentRootPath":
                case "WebRootPath":
                    var ns = type?.ContainingNamespace?.ToString();
                    return ns is "Microsoft.Extensions.Hosting" or "Microsoft.AspNetCore.Hosting";
                default:
                    return false;
            }
        }

        private static bool IsBoundProperty(IPropertySymbol property)
        {
            if (property.SetMethod == null || property.IsStatic)
            {
                return false;
            }

            foreach (var attribute in property.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "BindPropertyAttribute" or "FromQueryAttribute" or "FromFormAttribute" or "FromRouteAttribute" or "FromHeaderAttribute" or "FromBodyAttribute")
                {
                    return true;
                }
            }

            for (var type = property.ContainingType; type != null; type = type.BaseType)
            {
                foreach (var attribute in type.GetAttributes())
                {
                    if (attribute.AttributeClass?.Name == "BindPropertiesAttribute")
                    {
                        return property.DeclaredAccessibility == Accessibility.Public;
                    }
                }
            }

            return false;
        }

        /// <summary>No entry point's parameter waits on a helper of another file.</summary>
        public HelperGuard? PendingSourceCheck(IParameterSymbol parameter, IOperation reference) => null;

        public string? GetParameterSource(IParameterSymbol parameter, IOperation reference)
        {
            if (parameter.ContainingSymbol is not IMethodSymbol method || IsExcluded(parameter))
            {
                return null;
            }

            if (method.MethodKind == MethodKind.AnonymousFunction)
            {
                var endpoint = EndpointOfLambda(method, reference);
                return endpoint == null ? null : $"parameter '{parameter.Name}' of the {endpoint} endpoint";
            }

            if (method.MethodKind != MethodKind.Ordinary || IsMainArguments(method))
            {
                return null;
            }

            var kind = EntryPointKind(method);
            if (kind != null)
            {
                return $"parameter '{parameter.Name}' of {kind} '{method.Name}'";
            }

            switch (_mode)
            {
                case UntrustedParameterMode.All:
                    return $"parameter '{parameter.Name}' of '{method.ContainingType?.Name}.{method.Name}'";
                case UntrustedParameterMode.Public when IsPublicApi(method):
                    return $"parameter '{parameter.Name}' of public method '{method.ContainingType?.Name}.{method.Name}'";
                default:
                    return null;
            }
        }

        public bool IsSanitizer(IMethodSymbol method)
            => HasAttribute(method, "PromptSanitizer") || (!_sanitizers.IsEmpty && ConfiguredSymbols.TryFind(_sanitizers, method, out _))
               || (method.IsAbstract && EveryImplementationHas(method, "PromptSanitizer"));

        public int SanitizedKinds(IMethodSymbol method) => IsSanitizer(method) ? SinkKinds.AllKinds : SinkKinds.None;

        public bool IsValidator(IMethodSymbol method)
            => HasAttribute(method, "PromptValidator") || (!_validators.IsEmpty && ConfiguredSymbols.TryFind(_validators, method, out _))
               || (method.IsAbstract && EveryImplementationHas(method, "PromptValidator"));

        /// <summary>
        /// A call through an interface or an abstract method of this compilation (an injected <c>IPromptSanitizer</c>) runs one
        /// of its implementations: it sanitizes or validates when there is one and every one is marked.
        /// </summary>
        private bool EveryImplementationHas(IMethodSymbol method, string attributeName)
        {
            var implementations = Symbols.ImplementationsOf(method);
            foreach (var implementation in implementations)
            {
                if (!HasAttribute(implementation, attributeName))
                {
                    return false;
                }
            }

            return !implementations.IsEmpty;
        }

        /// <summary>"action", "page handler" or "hub method" for a web entry point, else null.</summary>
        public string? EntryPointKind(IMethodSymbol method)
        {
            if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.DeclaredAccessibility != Accessibility.Public
                || method.ContainingType is not { TypeKind: TypeKind.Class, IsAbstract: false } type)
            {
                return null;
            }

            if (Symbols.PageModel != null && type.InheritsFromOrEquals(Symbols.PageModel))
            {
                return method.Name.StartsWith("OnGet", StringComparison.Ordinal) || method.Name.StartsWith("OnPost", StringComparison.Ordinal)
                    ? "page handler"
                    : null;
            }

            if ((Symbols.Hub != null && type.InheritsFromOrEquals(Symbols.Hub)) || (Symbols.GenericHub != null && type.InheritsFromOrEquals(Symbols.GenericHub)))
            {
                return method.OverriddenMethod == null ? "hub method" : null;
            }

            if (IsController(type) && !HasAttribute(method, Symbols.NonActionAttribute) && method.OverriddenMethod == null)
            {
                return "action";
            }

            return null;
        }

        /// <summary>Describes a minimal-API registration <paramref name="invocation"/> ("the 'POST /chat'"), or null when it is not one.</summary>
        public string? DescribeEndpoint(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (!MapMethods.Contains(method.Name))
            {
                return null;
            }

            var definition = PromptSymbols.Definition(method);
            var isRouteBuilder = Symbols.EndpointRouteBuilderExtensions != null
                ? SymbolEqualityComparer.Default.Equals(definition.ContainingType, Symbols.EndpointRouteBuilderExtensions)
                : definition.Parameters.Length > 0 && definition.Parameters[0].Type.Name == "IEndpointRouteBuilder";
            if (!isRouteBuilder)
            {
                return null;
            }

            string? pattern = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "pattern" && argument.Value.ConstantValue is { HasValue: true, Value: string text })
                {
                    pattern = text;
                }
            }

            var verb = method.Name switch
            {
                "MapGet" => "GET ",
                "MapPost" => "POST ",
                "MapPut" => "PUT ",
                "MapPatch" => "PATCH ",
                "MapDelete" => "DELETE ",
                _ => string.Empty,
            };

            return pattern == null ? "minimal-API" : $"'{verb}{pattern}'";
        }

        /// <summary>The handler argument of a minimal-API registration, when it is a lambda or method group.</summary>
        public static IOperation? HandlerOf(IInvocationOperation invocation)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "handler" || argument.Parameter?.Type.TypeKind == TypeKind.Delegate)
                {
                    return argument.Value.WalkDownDelegate();
                }
            }

            return null;
        }

        /// <summary>Parameters that are not request data themselves: services, cancellation, the context objects.</summary>
        public bool IsExcluded(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                var name = attribute.AttributeClass?.Name;
                if (name is "FromServicesAttribute" or "FromKeyedServicesAttribute")
                {
                    return true;
                }
            }

            var type = parameter.Type;
            if (type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Object)
            {
                return false;
            }

            if (type.TypeKind is TypeKind.Interface or TypeKind.Delegate or TypeKind.TypeParameter || type.IsAbstract && type.TypeKind == TypeKind.Class)
            {
                return true;
            }

            if (Is(type, Symbols.Types.CancellationToken) || Is(type, Symbols.HttpContext) || Is(type, Symbols.HttpRequest) || Is(type, Symbols.HttpResponse))
            {
                return true;
            }

            if (type is IArrayTypeSymbol)
            {
                return false;
            }

            var outer = type.NamespaceName(0);
            if (outer is "Microsoft" or "OpenAI" or "Anthropic" or "OllamaSharp" or "Amazon" or "Azure"
                || (outer == "System" && type.NamespaceName(1) is "Net" or "Security"))
            {
                // Framework and SDK types are injected, except the text carriers of request binding.
                return !(type.Name is "StringValues" or "JsonElement" or "JsonDocument" or "JsonNode" or "JsonObject" or "IFormCollection");
            }

            return AgentTools.IsServiceName(type.Name);
        }

        private string? EndpointOfLambda(IMethodSymbol lambda, IOperation reference)
        {
            var function = reference.EnclosingLambda(lambda, out var argument);
            if (function == null)
            {
                return null;
            }

            if (argument != null)
            {
                return argument.Parent is IInvocationOperation invocation ? DescribeEndpoint(invocation) : null;
            }

            return EndpointOfStoredLambda(function);
        }

        /// <summary>
        /// A handler lambda kept in a local first and registered by name: <c>var explain = async (…) =&gt; …;
        /// group.MapPost("/explain", explain);</c>. The local must not be written anywhere else.
        /// </summary>
        private string? EndpointOfStoredLambda(IAnonymousFunctionOperation function)
        {
            var consumer = function.Parent;
            while (consumer is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
            {
                consumer = consumer.Parent;
            }

            if (consumer is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator })
            {
                return null;
            }

            foreach (var operation in function.GetRoot().WalkTree())
            {
                if (operation is not IArgumentOperation { Parent: IInvocationOperation call } passed)
                {
                    continue;
                }

                var value = passed.Value.WalkDownDelegate();

                if (value is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, declarator.Symbol)
                    && DescribeEndpoint(call) is { } endpoint)
                {
                    return local.SingleWrite() != null ? endpoint : null;
                }
            }

            return null;
        }

        private bool IsController(INamedTypeSymbol type)
        {
            if (HasAttribute(type, Symbols.NonControllerAttribute))
            {
                return false;
            }

            if (Symbols.ControllerBase != null && type.InheritsFromOrEquals(Symbols.ControllerBase))
            {
                return true;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (HasAttribute(current, Symbols.ApiControllerAttribute) || HasAttribute(current, Symbols.ControllerAttribute))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsMainArguments(IMethodSymbol method)
            => method.IsStatic && method.Name is "Main" or "<Main>$";

        private static bool IsPublicApi(IMethodSymbol method)
        {
            if (method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Protected or Accessibility.ProtectedOrInternal))
            {
                return false;
            }

            for (var type = method.ContainingType; type != null; type = type.ContainingType)
            {
                if (type.DeclaredAccessibility != Accessibility.Public)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool Is(ITypeSymbol type, INamedTypeSymbol? candidate)
            => candidate != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, candidate);

        private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
        {
            if (attributeType == null)
            {
                return false;
            }

            foreach (var attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass.InheritsFromOrEquals(attributeType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An attribute named <paramref name="name"/> or <paramref name="name"/>Attribute, in any namespace.</summary>
        private static bool HasAttribute(IMethodSymbol method, string name)
        {
            var definition = PromptSymbols.Definition(method);
            foreach (var attribute in definition.GetAttributes())
            {
                var attributeName = attribute.AttributeClass?.Name;
                if (attributeName != null && (attributeName == name || (attributeName.Length == name.Length + 9 && attributeName.StartsWith(name, StringComparison.Ordinal) && attributeName.EndsWith("Attribute", StringComparison.Ordinal))))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
