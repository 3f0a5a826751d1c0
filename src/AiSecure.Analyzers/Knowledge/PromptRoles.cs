using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AiSecure.Analyzers.Flow;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// What the SDKs say about the role of prompt text at a sink (AISEC001 user text or template, AISEC002 system
    /// instruction), and how a message names a sink. Read by the prompt rules, never by the flow engine.
    /// </summary>
    internal static class PromptRoles
    {
        /// <summary>
    /// The role a sink gives its text: the row's own, the role argument or sibling property of the call, or the
    /// message that contains a content part. <paramref name="chosenByCaller"/> tells whether a role value comes from
    /// a source (a role the caller chooses can be the system role).
    /// </summary>
    public static SinkRole Resolve(SinkRow row, IOperation anchor, PromptSymbols symbols, Func<IOperation, bool> chosenByCaller)
        {
            switch (row.Role)
            {
                case SinkRole.FromArgument when anchor is ISimpleAssignmentOperation { Parent: IObjectOrCollectionInitializerOperation initializer }:
                    foreach (var sibling in initializer.Initializers)
                    {
                        if (sibling is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } roleAssignment && property.Property.Name == row.RoleParameter)
                        {
                            return RoleOf(roleAssignment.Value, 0, symbols, chosenByCaller);
                        }
                    }

                    return SinkRole.User;

                case SinkRole.FromArgument:
                    var arguments = anchor switch
                    {
                        IInvocationOperation invocation => invocation.Arguments,
                        IObjectCreationOperation creation => creation.Arguments,
                        _ => ImmutableArray<IArgumentOperation>.Empty,
                    };
                    foreach (var argument in arguments)
                    {
                        if (argument.Parameter?.Name == row.RoleParameter)
                        {
                            return RoleOf(argument.Value, 0, symbols, chosenByCaller);
                        }
                    }

                    return SinkRole.User;

                case SinkRole.FromContainer:
                    return ContainerRole(anchor, symbols, chosenByCaller);

                default:
                    return row.Role;
            }
        }

        /// <summary>The role of the message around a content part, found by walking up the expression.</summary>
        private static SinkRole ContainerRole(IOperation anchor, PromptSymbols symbols, Func<IOperation, bool> chosenByCaller)
        {
            for (var current = anchor.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case IObjectCreationOperation creation:
                        if (symbols.TryGetContainerRole(creation.Type, out var role))
                        {
                            return role;
                        }

                        // A message whose role is an argument: new ChatMessage(ChatRole.System, [new TextContent(…)]).
                        foreach (var argument in creation.Arguments)
                        {
                            if (argument.Parameter != null && symbols.IsRoleType(argument.Parameter.Type))
                            {
                                return RoleOf(argument.Value, 0, symbols, chosenByCaller);
                            }
                        }

                        // Or set in its initializer: new ChatMessage { Role = ChatRole.System, Contents = [new TextContent(…)] }.
                        if (creation.Initializer != null)
                        {
                            foreach (var member in creation.Initializer.Initializers)
                            {
                                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } roleProperty } } roleAssignment
                                    && symbols.IsRoleType(roleProperty.Type))
                                {
                                    return RoleOf(roleAssignment.Value, 0, symbols, chosenByCaller);
                                }
                            }
                        }

                        break;
                    case IInvocationOperation invocation when invocation.TargetMethod.Name.StartsWith("CreateSystem", StringComparison.Ordinal) || invocation.TargetMethod.Name.StartsWith("CreateDeveloper", StringComparison.Ordinal):
                        if (symbols.TryGetArgumentSinks(invocation.TargetMethod, out _) || invocation.TargetMethod.ContainingType?.Name is "ChatMessage" or "ResponseItem")
                        {
                            return SinkRole.System;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } } when symbols.TryGetPropertySink(property, out var propertyRow):
                        return propertyRow.Role == SinkRole.System ? SinkRole.System : SinkRole.User;
                    case IExpressionStatementOperation:
                    case IVariableDeclaratorOperation:
                    case IReturnOperation:
                        return SinkRole.User;
                }
            }

            return SinkRole.User;
        }

        /// <summary>System when the role value is, or can be, the system or developer role; otherwise user.</summary>
        private static SinkRole RoleOf(IOperation value, int depth, PromptSymbols symbols, Func<IOperation, bool> chosenByCaller)
        {
            if (depth > 4)
            {
                return SinkRole.User;
            }

            value = WithoutConversions(value);
            switch (value)
            {
                case IPropertyReferenceOperation { Property.IsStatic: true } property:
                    return PromptCatalog.SystemRoleNames.Contains(property.Property.Name) ? SinkRole.System : SinkRole.User;
                case IFieldReferenceOperation { Field.IsStatic: true } field when !field.Field.HasConstantValue:
                    return PromptCatalog.SystemRoleNames.Contains(field.Field.Name) ? SinkRole.System : SinkRole.User;
                case IObjectCreationOperation creation when creation.Arguments.Length > 0:
                    return RoleOf(creation.Arguments[0].Value, depth + 1, symbols, chosenByCaller);
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return RoleOf(conditional.WhenTrue, depth + 1, symbols, chosenByCaller) == SinkRole.System || RoleOf(whenFalse, depth + 1, symbols, chosenByCaller) == SinkRole.System ? SinkRole.System : SinkRole.User;
                case ISwitchExpressionOperation switchExpression:
                    return switchExpression.Arms.Any(a => RoleOf(a.Value, depth + 1, symbols, chosenByCaller) == SinkRole.System) ? SinkRole.System : SinkRole.User;
                case ILocalReferenceOperation local:
                    foreach (var write in WritesOf(local))
                    {
                        if (RoleOf(write, depth + 1, symbols, chosenByCaller) == SinkRole.System)
                        {
                            return SinkRole.System;
                        }
                    }

                    return SinkRole.User;
                default:
                    if (value.ConstantValue is { HasValue: true, Value: string text })
                    {
                        return PromptCatalog.SystemRoleNames.Contains(text.Trim()) ? SinkRole.System : SinkRole.User;
                    }

                    // A role the caller chooses ("role": "system" in a posted history) can be the system role.
                    return value.Type?.SpecialType == SpecialType.System_String && chosenByCaller(value)
                        ? SinkRole.System
                        : SinkRole.User;
            }
        }

        private static IEnumerable<IOperation> WritesOf(ILocalReferenceOperation reference)
        {
            foreach (var operation in Root(reference).WalkTree())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                        if ((declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value) is { } initializer)
                        {
                            yield return initializer;
                        }

                        break;
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                        yield return assignment.Value;
                        break;
                }
            }
        }

        public static string DisplayMember(IMethodSymbol method)
        {
            if (method.MethodKind == MethodKind.Constructor)
            {
                return "new " + method.ContainingType.Name;
            }

            var definition = method.ReducedFrom ?? method;
            if (definition.IsExtensionMethod && definition.Parameters.Length > 0)
            {
                return definition.Parameters[0].Type.Name + "." + method.Name;
            }

            return method.ContainingType.Name + "." + method.Name;
        }

        /// <summary>The call that receives a converted value: "ChatClient.CompleteChat" for a string turned into a message.</summary>
        public static string? DisplayConsumer(IOperation conversion)
        {
            var parent = conversion.Parent;
            while (parent is IArrayInitializerOperation or IArrayCreationOperation or IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (parent is IArgumentOperation { Parent: IInvocationOperation invocation }
                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingAssembly, (conversion as IConversionOperation)?.OperatorMethod?.ContainingAssembly))
            {
                return DisplayMember(invocation.TargetMethod);
            }

            if (parent is IArgumentOperation { Parent: IObjectCreationOperation { Constructor: { } constructor } })
            {
                return DisplayMember(constructor);
            }

            return null;
        }

        private static IOperation Root(IOperation operation)
        {
            while (operation.Parent != null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        private static IOperation WithoutConversions(IOperation operation)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            return operation;
        }
    }
}
