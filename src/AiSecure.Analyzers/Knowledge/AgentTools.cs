using System;
using AiSecure.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>The framework that turns a method or delegate into a tool a model calls; it names the tool in messages.</summary>
    internal enum ToolKind
    {
        /// <summary>ModelContextProtocol: <c>[McpServerTool]</c>, <c>McpServerTool.Create</c>.</summary>
        Mcp,

        /// <summary>Semantic Kernel: <c>[KernelFunction]</c>, <c>KernelFunctionFactory.CreateFromMethod</c>.</summary>
        SemanticKernel,

        /// <summary>Microsoft.Extensions.AI (and Microsoft Agent Framework): <c>AIFunctionFactory.Create</c>.</summary>
        AIFunction,

        /// <summary>ModelContextProtocol: <c>[McpServerResource]</c>, whose URI template's parameters any client fills.</summary>
        McpResource,

        /// <summary>ModelContextProtocol: <c>[McpServerPrompt]</c>, whose arguments any client fills.</summary>
        McpPrompt,
    }

    /// <summary>A call that turns a delegate into a tool: which framework, and the tool's name when the call gives a constant one.</summary>
    internal sealed class ToolFactoryCall
    {
        public ToolFactoryCall(IInvocationOperation invocation, ToolKind kind, string? name)
        {
            Invocation = invocation;
            Kind = kind;
            Name = name;
        }

        public readonly IInvocationOperation Invocation;

        public readonly ToolKind Kind;

        public readonly string? Name;
    }

    /// <summary>
    /// Agents' tools as data (docs/rules/AISEC003.md, "Tool arguments are model output too"): the attributes and
    /// factories that make a method or delegate a tool the model calls, which of its parameters the model writes
    /// (text-carrying ones; never those the host injects), how messages name a tool, and the approval wrapper that
    /// puts a person before each call. Matched by names, so no type is looked up for a project without these SDKs.
    /// </summary>
    internal static class AgentTools
    {
        /// <summary>(type, method, kind, parameter that names the tool) of the factories that turn a delegate into a tool.</summary>
        private static readonly FactoryRow[] Factories =
        {
            new("AIFunctionFactory", "Create", ToolKind.AIFunction, "name"),
            new("KernelFunctionFactory", "CreateFromMethod", ToolKind.SemanticKernel, "functionName"),
            new("KernelExtensions", "CreateFunctionFromMethod", ToolKind.SemanticKernel, "functionName"),
            new("McpServerTool", "Create", ToolKind.Mcp, null),
        };

        /// <summary>Type-name endings of classes that are injected services, not data a model or a request fills.</summary>
        private static readonly string[] ServiceSuffixes =
        {
            "Service", "Client", "Repository", "Store", "Manager", "Provider", "Factory", "Handler", "Logger", "Context",
            "Options", "Settings", "Configuration", "Kernel", "Agent", "Runtime", "Gateway", "Cache", "Queue", "Publisher", "Sender",
        };

        /// <summary>
        /// The tool kind of a method marked as one (<c>[McpServerTool]</c>, <c>[KernelFunction]</c>), or as an MCP resource or
        /// prompt (<c>[McpServerResource]</c>, <c>[McpServerPrompt]</c>: an MCP client fills their parameters as it fills a
        /// tool's), or null.
        /// </summary>
        public static ToolKind? AttributeKind(IMethodSymbol method)
        {
            foreach (var attribute in method.GetAttributes())
            {
                switch (attribute.AttributeClass?.Name)
                {
                    case "McpServerToolAttribute":
                        return ToolKind.Mcp;
                    case "KernelFunctionAttribute":
                        return ToolKind.SemanticKernel;
                    case "McpServerResourceAttribute":
                        return ToolKind.McpResource;
                    case "McpServerPromptAttribute":
                        return ToolKind.McpPrompt;
                }
            }

            return null;
        }

        /// <summary>The factory call <paramref name="argumentValue"/> (a lambda or a method group, as the argument's value) is given to, or null.</summary>
        public static ToolFactoryCall? FactoryOf(IOperation argumentValue)
        {
            var consumer = argumentValue.Parent;
            while (consumer is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
            {
                consumer = consumer.Parent;
            }

            if (consumer is not IArgumentOperation { Parent: IInvocationOperation invocation } || invocation.TargetMethod is not { } method)
            {
                return null;
            }

            foreach (var row in Factories)
            {
                if (method.Name == row.Method && method.ContainingType?.Name == row.Type)
                {
                    return new ToolFactoryCall(invocation, row.Kind, NameOf(invocation, row.NameParameter));
                }
            }

            return null;
        }

        /// <summary>
        /// The factory a lambda (whose parameter <paramref name="reference"/> reads) is handed to; null when it is none,
        /// or when the tool is wrapped in <c>ApprovalRequiredAIFunction</c> (a person approves each call).
        /// </summary>
        public static ToolFactoryCall? UnapprovedFactoryOfLambda(IMethodSymbol lambda, IOperation reference)
            => reference.EnclosingLambda(lambda, out _) is { } function && FactoryOf(function) is { } factory && !IsApproved(factory.Invocation) ? factory : null;

        /// <summary>"MCP tool 'ReadNote'", "AI function 'shell'", "an AI function lambda": how a message names a tool.</summary>
        public static string Describe(ToolKind kind, string? name)
        {
            var framework = kind switch
            {
                ToolKind.Mcp => "MCP tool",
                ToolKind.SemanticKernel => "Semantic Kernel function",
                ToolKind.McpResource => "MCP resource",
                ToolKind.McpPrompt => "MCP prompt",
                _ => "AI function",
            };
            return name != null ? framework + " '" + name + "'" : (kind == ToolKind.SemanticKernel ? "a " : "an ") + framework + " lambda";
        }

        /// <summary>"argument 'path' of MCP tool 'ReadNote'": a tool parameter as a message names the source.</summary>
        public static string DescribeArgument(IParameterSymbol parameter, ToolKind kind, string? name) => "argument '" + parameter.Name + "' of " + Describe(kind, name);

        /// <summary>
        /// The tool's value is wrapped in <c>new ApprovalRequiredAIFunction(…)</c>, directly or through a local whose every
        /// use is so wrapped.
        /// </summary>
        public static bool IsApproved(IInvocationOperation factory) => Approval(factory, out var pending) && pending == null;

        /// <summary>
        /// As <see cref="IsApproved"/>, where a use may also hand the tool (or the collection holding it) to a helper declared
        /// in another file, which this block cannot read: true with <paramref name="pending"/> that helper's parameter, to be
        /// decided at the end of the compilation (<see cref="HelperApproves"/>); a second such helper makes it false.
        /// </summary>
        public static bool Approval(IInvocationOperation factory, out IParameterSymbol? pending)
        {
            pending = null;
            var value = Unwrap(factory);
            if (IsApprovalArgument(value))
            {
                return true;
            }

            value = CollectionHolding(value);

            ILocalSymbol? local = value.Parent switch
            {
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == value => target.Local,
                _ => null,
            };
            if (local == null)
            {
                // Passed on directly: RequireApproval([AIFunctionFactory.Create(…)]).
                return value.Parent is IArgumentOperation && Wraps(value, ref pending);
            }

            var uses = 0;
            foreach (var operation in factory.GetRoot().WalkTree())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    && !(reference.Parent is ISimpleAssignmentOperation { Target: var assigned } && assigned == reference))
                {
                    if (!Wraps(Unwrap(reference), ref pending))
                    {
                        return false;
                    }

                    uses++;
                }
            }

            return uses > 0;
        }

        /// <summary>One use of a tool or a collection of tools wraps it for approval (or hands it to the one helper of another file, <paramref name="pending"/>).</summary>
        private static bool Wraps(IOperation use, ref IParameterSymbol? pending)
        {
            if (IsApprovalArgument(use) || IsApprovingSelect(use) || IsApprovingLoop(use) || IsApprovingHelperArgument(use))
            {
                return true;
            }

            if (OtherFileHelperParameter(use) is not { } parameter)
            {
                return false;
            }

            pending ??= parameter;
            return SymbolEqualityComparer.Default.Equals(pending, parameter);
        }

        /// <summary>The parameter of a helper declared once in another file (not virtual) that <paramref name="use"/> is passed to.</summary>
        private static IParameterSymbol? OtherFileHelperParameter(IOperation use)
        {
            if (use.Parent is not IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation invocation }
                || invocation.TargetMethod is not { IsVirtual: false, IsAbstract: false, IsOverride: false } helper
                || helper.DeclaringSyntaxReferences.Length != 1 || invocation.SemanticModel is not { } model
                || helper.DeclaringSyntaxReferences[0].SyntaxTree == model.SyntaxTree)
            {
                return null;
            }

            return parameter.OriginalDefinition;
        }

        /// <summary>
        /// At the end of the compilation: the helper declared by <paramref name="declaration"/> (read with its file's
        /// <paramref name="model"/>) only reads <paramref name="parameter"/> in loops or <c>Select</c>s that wrap every element.
        /// </summary>
        public static bool HelperApproves(IParameterSymbol parameter, SyntaxNode declaration, SemanticModel model)
            => model.GetOperation(declaration) is { } body && ReadsOnlyToWrap(body, parameter);

        private static bool ReadsOnlyToWrap(IOperation body, IParameterSymbol parameter)
        {
            var target = parameter.OriginalDefinition;
            var reads = 0;
            foreach (var operation in body.WalkTree())
            {
                if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, target))
                {
                    var use = Unwrap(reference);
                    if (!IsApprovingLoop(use) && !IsApprovingSelect(use))
                    {
                        return false;
                    }

                    reads++;
                }
            }

            return reads > 0;
        }

        /// <summary>
        /// Whether a model writes this tool parameter as text: strings, objects, JSON values, URIs, collections of them and
        /// the project's own data types. Numbers, dates, enums and the services a host injects (<c>CancellationToken</c>,
        /// <c>IServiceProvider</c>, <c>Kernel</c>, <c>McpServer</c>, <c>HttpClient</c>, interfaces, <c>[FromServices]</c>) are not.
        /// </summary>
        public static bool IsModelWritten(IParameterSymbol parameter)
        {
            if (parameter.RefKind == RefKind.Out || IsInjectedByAttribute(parameter))
            {
                return false;
            }

            return CarriesModelText(parameter.Type, 0);
        }

        private static bool CarriesModelText(ITypeSymbol type, int depth)
        {
            if (depth > 3)
            {
                return false;
            }

            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_String:
                case SpecialType.System_Object:
                    return true;
            }

            if (type is IArrayTypeSymbol array)
            {
                return array.ElementType.SpecialType == SpecialType.System_Char || CarriesModelText(array.ElementType, depth + 1);
            }

            if (type is not INamedTypeSymbol named || named.TypeKind is TypeKind.Enum or TypeKind.Delegate or TypeKind.Error)
            {
                return false;
            }

            if (named.IsInNamespace("System", "Text", "Json") || named.IsInNamespace("System", "Text", "Json", "Nodes")
                || (named.Name == "Uri" && named.IsInNamespace("System")))
            {
                return true;
            }

            if (named.IsGenericType && (named.IsInNamespace("System", "Collections", "Generic") || named.IsInNamespace("System", "Collections", "Immutable")
                || named.IsInNamespace("System", "Collections", "ObjectModel")))
            {
                foreach (var argument in named.TypeArguments)
                {
                    if (CarriesModelText(argument, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            }

            // The project's own records and classes are data the model fills, unless named like a service or built so that
            // a JSON binder has nothing to fill (no settable member, no constructor taking text): a service the host injects.
            if (named.TypeKind is TypeKind.Class or TypeKind.Struct && !named.IsStatic && !named.IsAbstract && named.DeclaringSyntaxReferences.Length > 0)
            {
                return !IsServiceName(named.Name) && HasBindableText(named, depth);
            }

            return false;
        }

        /// <summary>
        /// A public settable (or init) property or public field, or a public constructor parameter (a positional record's),
        /// that can carry text: what deserializing the model's JSON arguments fills.
        /// </summary>
        private static bool HasBindableText(INamedTypeSymbol type, int depth)
        {
            foreach (var member in type.GetMembers())
            {
                switch (member)
                {
                    case IPropertySymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsIndexer: false, SetMethod.DeclaredAccessibility: Accessibility.Public } property
                        when CarriesModelText(property.Type, depth + 1):
                        return true;
                    case IFieldSymbol { DeclaredAccessibility: Accessibility.Public, IsStatic: false, IsConst: false, IsImplicitlyDeclared: false } field
                        when CarriesModelText(field.Type, depth + 1):
                        return true;
                    case IMethodSymbol { MethodKind: MethodKind.Constructor, DeclaredAccessibility: Accessibility.Public } constructor:
                        foreach (var parameter in constructor.Parameters)
                        {
                            if (parameter.Type.SpecialType == SpecialType.System_String || (parameter.Type is IArrayTypeSymbol or INamedTypeSymbol { IsGenericType: true } && CarriesModelText(parameter.Type, depth + 1)))
                            {
                                return true;
                            }
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>A type named like an injected service (<c>NotesRepository</c>, <c>BillingClient</c>).</summary>
        public static bool IsServiceName(string name)
        {
            foreach (var suffix in ServiceSuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsInjectedByAttribute(IParameterSymbol parameter)
        {
            foreach (var attribute in parameter.GetAttributes())
            {
                if (attribute.AttributeClass?.Name is "FromServicesAttribute" or "FromKeyedServicesAttribute" or "FromKernelServicesAttribute")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The constant tool name a factory call gives: its name argument, or <c>Name = "…"</c> in an options object.</summary>
        private static string? NameOf(IInvocationOperation invocation, string? nameParameter)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter == null)
                {
                    continue;
                }

                var value = argument.Value.WalkDownConversions();
                if (argument.Parameter.Name == nameParameter && value.ConstantValue is { HasValue: true, Value: string name })
                {
                    return name;
                }

                if (value is IObjectCreationOperation { Initializer: { } initializer })
                {
                    foreach (var initialized in initializer.Initializers)
                    {
                        if (initialized is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Name" } } assignment
                            && assignment.Value.WalkDownConversions().ConstantValue is { HasValue: true, Value: string optionName })
                        {
                            return optionName;
                        }
                    }
                }
            }

            // A method group names the tool after the method.
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Value.WalkDownConversions() is IDelegateCreationOperation { Target: IMethodReferenceOperation reference })
                {
                    return reference.Method.Name;
                }
            }

            return null;
        }

        private static IOperation Unwrap(IOperation operation)
        {
            while (operation.Parent is IConversionOperation or IParenthesizedOperation)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        private static bool IsApprovalArgument(IOperation value)
            => value.Parent is IArgumentOperation { Parent: IObjectCreationOperation { Type.Name: "ApprovalRequiredAIFunction" } };

        /// <summary>
        /// The collection a tool is an element of, when it is one (<c>new AIFunction[] { Create(…) }</c>,
        /// <c>new List&lt;AIFunction&gt; { Create(…) }</c>, <c>[Create(…)]</c>): a local holding it is wrapped item by item;
        /// else the tool's own value.
        /// </summary>
        private static IOperation CollectionHolding(IOperation value)
        {
            switch (value.Parent)
            {
                case IArrayInitializerOperation { Parent: IArrayCreationOperation array }:
                    return Unwrap(array);
                case IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Add", Parent: IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation list } } }:
                    return Unwrap(list);
                case { Kind: OperationKinds.CollectionExpression } collection:
                    return Unwrap(collection);
                default:
                    return value;
            }
        }

        /// <summary>
        /// <c>foreach (var tool in tools) wrapped.Add(new ApprovalRequiredAIFunction(tool));</c>: the collection of a loop whose
        /// every read of its element wraps it.
        /// </summary>
        private static bool IsApprovingLoop(IOperation collection)
        {
            if (collection.Parent is not IForEachLoopOperation loop || loop.Collection != collection
                || loop.LoopControlVariable is not IVariableDeclaratorOperation { Symbol: { } element })
            {
                return false;
            }

            var reads = 0;
            foreach (var operation in loop.Body.WalkTree())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, element))
                {
                    if (!IsApprovalArgument(Unwrap(reference)))
                    {
                        return false;
                    }

                    reads++;
                }
            }

            return reads > 0;
        }

        /// <summary>
        /// <c>return RequireApproval(tools);</c>: the tools passed to a helper of this file (not virtual) whose parameter is
        /// only read by a loop or a <c>Select</c> that wraps every element. A helper declared in another file is not read:
        /// its tools stay reported.
        /// </summary>
        private static bool IsApprovingHelperArgument(IOperation value)
        {
            if (value.Parent is not IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation invocation }
                || invocation.TargetMethod is not { IsVirtual: false, IsAbstract: false, IsOverride: false } helper
                || helper.DeclaringSyntaxReferences.Length != 1 || invocation.SemanticModel is not { } model
                || helper.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree
                || model.GetOperation(helper.DeclaringSyntaxReferences[0].GetSyntax()) is not { } body)
            {
                return false;
            }

            return ReadsOnlyToWrap(body, parameter);
        }

        /// <summary><c>tools.Select(tool =&gt; new ApprovalRequiredAIFunction(tool))</c>: every element comes out wrapped.</summary>
        private static bool IsApprovingSelect(IOperation collection)
        {
            if (collection.Parent is not IArgumentOperation { Parent: IInvocationOperation { TargetMethod.Name: "Select" } select } argument
                || select.Arguments.Length != 2 || select.Arguments[0] != argument
                || select.Arguments[1].Value.AsLambda() is not { } lambda || lambda.SingleExpression() is not { } returned)
            {
                return false;
            }

            return returned.WalkDownConversions() is IObjectCreationOperation { Type.Name: "ApprovalRequiredAIFunction", Arguments.Length: 1 } creation
                && creation.Arguments[0].Value.ReadsParameter(lambda.Symbol.Parameters[0]);
        }

        private sealed class FactoryRow
        {
            public FactoryRow(string type, string method, ToolKind kind, string? nameParameter)
            {
                Type = type;
                Method = method;
                Kind = kind;
                NameParameter = nameParameter;
            }

            public readonly string Type;

            public readonly string Method;

            public readonly ToolKind Kind;

            public readonly string? NameParameter;
        }
    }
}
