using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// Whether a helper of the compilation can hand back nothing: a method (or local function) whose own returns include
    /// <c>null</c>, <c>default</c>, <c>""</c> or <c>string.Empty</c>, whole or as an arm of a conditional or switch
    /// expression (<c>GuardrailConfig = MaybeGuardrail()</c> with <c>=> settings is { } g ? new … : null</c>). Read from
    /// the helper's syntax, so it costs nothing until a rule asks about one call, and only that helper's body is read.
    /// A method without a body in this compilation (library, interface, abstract) is never said to return null. The same
    /// for a field or property of the project (<see cref="NullableMember"/>): what its declaration and its type's
    /// constructors give it.
    /// </summary>
    internal static class NullableReturns
    {
        /// <summary>
        /// The helper the value comes from when it can return null or empty: <paramref name="value"/> is a call (or an
        /// awaited call) of such a method; null otherwise.
        /// </summary>
        public static IMethodSymbol? NullableHelper(IOperation? value)
        {
            value = value?.WalkDownConversions();
            if (value is IAwaitOperation { Operation: { } awaited })
            {
                value = awaited.WalkDownConversions();
            }

            return value is IInvocationOperation { TargetMethod: { } method } && CanReturnNullOrEmpty(method) ? method : null;
        }

        /// <summary>
        /// Like <see cref="NullableHelper"/>, and for a local given nothing but such a call (<c>var g = MaybeGuardrail();
        /// request.GuardrailConfig = g;</c>) the helper it holds. Walks the local's method to find its one write: for
        /// messages about a value already found to be null or empty, never on the analysis path.
        /// </summary>
        public static IMethodSymbol? NullableHelperThroughLocal(IOperation? value)
            => NullableHelper(value?.WalkDownConversions() is ILocalReferenceOperation local ? local.SingleWrite() : value);

        /// <summary>
        /// The field or property of the project the value is read from when it can hold null or empty: its initializer,
        /// a constructor's assignment (<c>_guardrail = settings is { } g ? new … : null;</c>) or, for a computed property,
        /// its getter's returns include one. Null otherwise (a library member, an options property bound from
        /// configuration, a member never given such a value in its own declaration or constructors).
        /// </summary>
        public static ISymbol? NullableMember(IOperation? value)
        {
            ISymbol? member = value?.WalkDownConversions() switch
            {
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
                _ => null,
            };
            if (member == null || member.DeclaringSyntaxReferences.IsEmpty)
            {
                return null;
            }

            var type = member is IFieldSymbol f ? f.Type : ((IPropertySymbol)member).Type;
            if (!(type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
            {
                return null;
            }

            // An initializer counts only where nothing else can set the member: a readonly field, a get-only property
            // (an options class's `public string GuardrailId { get; set; } = "";` is a default the binder replaces).
            var fixedAfterConstruction = member is IFieldSymbol { IsReadOnly: true } || member is IPropertySymbol { SetMethod: null };
            foreach (var reference in member.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax())
                {
                    case VariableDeclaratorSyntax { Initializer.Value: { } initial } when fixedAfterConstruction && IsNullOrEmptyArm(initial):
                        return member;
                    case PropertyDeclarationSyntax declaration when PropertyCanGiveNullOrEmpty(declaration, fixedAfterConstruction):
                        return member;
                }
            }

            // Given a value in a constructor of its type: `_guardrail = … ? new … : null;`, `this.Guardrail = null;`.
            var name = member.Name;
            foreach (var constructor in member.ContainingType.InstanceConstructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is ConstructorDeclarationSyntax declaration
                        && (declaration.Body ?? (SyntaxNode?)declaration.ExpressionBody) is { } body
                        && AssignsNullOrEmpty(body, name))
                    {
                        return member;
                    }
                }
            }

            return null;
        }

        private static bool PropertyCanGiveNullOrEmpty(PropertyDeclarationSyntax declaration, bool fixedAfterConstruction)
        {
            if ((fixedAfterConstruction && declaration.Initializer?.Value is { } initial && IsNullOrEmptyArm(initial))
                || (declaration.ExpressionBody?.Expression is { } expression && IsNullOrEmptyArm(expression)))
            {
                return true;
            }

            foreach (var accessor in declaration.AccessorList?.Accessors ?? default)
            {
                if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                {
                    continue;
                }

                if (accessor.ExpressionBody?.Expression is { } getter && IsNullOrEmptyArm(getter))
                {
                    return true;
                }

                if (accessor.Body is { } block)
                {
                    foreach (var node in block.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                    {
                        if (node is ReturnStatementSyntax { Expression: { } returned } && IsNullOrEmptyArm(returned))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>An assignment of null or empty to <c>name</c> or <c>this.name</c> in a constructor's body (lambdas aside).</summary>
        private static bool AssignsNullOrEmpty(SyntaxNode body, string name)
        {
            foreach (var node in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                if (node is AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression } assignment
                    && assignment.Left switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText == name,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: { } member } => member.Identifier.ValueText == name,
                        _ => false,
                    }
                    && IsNullOrEmptyArm(assignment.Right))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when a source method's own returns include a null, default or empty value.</summary>
        public static bool CanReturnNullOrEmpty(IMethodSymbol method)
        {
            // Library methods have no syntax (the cheap test first); a method handing back a plain value type (a count,
            // a flag) returns a value, never nothing.
            var references = method.OriginalDefinition.DeclaringSyntaxReferences;
            if (references.IsEmpty || HelperRequests.ReturnedType(method) is not { } handed
                || !(handed.IsReferenceType || handed.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
            {
                return false;
            }

            foreach (var reference in references)
            {
                var syntax = reference.GetSyntax();
                var (body, expressionBody) = syntax switch
                {
                    MethodDeclarationSyntax declaration => (declaration.Body, declaration.ExpressionBody),
                    LocalFunctionStatementSyntax local => (local.Body, local.ExpressionBody),
                    _ => ((BlockSyntax?)null, (ArrowExpressionClauseSyntax?)null),
                };

                if (expressionBody != null && IsNullOrEmptyArm(expressionBody.Expression))
                {
                    return true;
                }

                if (body != null)
                {
                    // The method's own returns: lambdas, anonymous methods and local functions inside return to someone else.
                    foreach (var node in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
                    {
                        if (node is ReturnStatementSyntax { Expression: { } returned }
                            && (IsNullOrEmptyArm(returned) || (returned is IdentifierNameSyntax local && HoldsNullOrEmpty(body, local.Identifier.ValueText, node.SpanStart))))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// A local of the body that starts as, or is given, null or empty (<c>GuardrailConfiguration? config = null; if (on)
        /// config = new … { … }; return config;</c>) and may still hold it at the return at <paramref name="returnAt"/>:
        /// returned, it may hand back nothing. Read by name within the one body. A null write is overwritten when a later
        /// assignment of another value runs on every path to the return (<c>string? k = null; k = cfg["Kms"]!; return k;</c>):
        /// a statement of a block that holds the return, directly or through plain blocks, <c>lock</c>, <c>using</c>,
        /// <c>fixed</c>, <c>checked</c> or <c>unsafe</c>. One under a condition, a loop, a <c>try</c> or a <c>switch</c>
        /// may not run, so the null write stands; so does one after the return (a loop may bring it back round).
        /// </summary>
        private static bool HoldsNullOrEmpty(BlockSyntax body, string name, int returnAt)
        {
            List<int>? nullWrites = null;
            List<SyntaxNode>? otherWrites = null;
            foreach (var node in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
            {
                ExpressionSyntax? value;
                switch (node)
                {
                    case VariableDeclaratorSyntax { Initializer.Value: { } initial } declarator when declarator.Identifier.ValueText == name:
                        value = initial;
                        break;
                    case AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax target } assignment when target.Identifier.ValueText == name:
                        value = assignment.Right;
                        break;
                    default:
                        continue;
                }

                if (IsNullOrEmptyArm(value))
                {
                    (nullWrites ??= new List<int>()).Add(node.SpanStart);
                }
                else if (node is AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax statement })
                {
                    (otherWrites ??= new List<SyntaxNode>()).Add(statement);
                }
            }

            if (nullWrites == null)
            {
                return false;
            }

            if (otherWrites == null)
            {
                return true;
            }

            foreach (var nullWrite in nullWrites)
            {
                var overwritten = false;
                foreach (var statement in otherWrites)
                {
                    if (statement.SpanStart > nullWrite && statement.Span.End <= returnAt && RunsBefore(statement, returnAt))
                    {
                        overwritten = true;
                        break;
                    }
                }

                if (!overwritten)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when <paramref name="statement"/> runs on every path that reaches the position <paramref name="returnAt"/>
        /// after it: it sits in a block (reached through plain blocks, <c>lock</c>, <c>using</c>, <c>fixed</c>,
        /// <c>checked</c>, <c>unsafe</c>) that also holds the return.
        /// </summary>
        private static bool RunsBefore(SyntaxNode statement, int returnAt)
        {
            var current = statement;
            while (current.Parent is BlockSyntax block)
            {
                if (block.Span.Contains(returnAt))
                {
                    return true;
                }

                switch (block.Parent)
                {
                    case BlockSyntax:
                        current = block;
                        continue;
                    case LockStatementSyntax or UsingStatementSyntax or FixedStatementSyntax or CheckedStatementSyntax or UnsafeStatementSyntax:
                        current = block.Parent;
                        continue;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>
        /// <c>null</c>, <c>default</c>, <c>""</c>, <c>string.Empty</c> (also in a completed task: <c>Task.FromResult&lt;T?&gt;(null)</c>),
        /// or a conditional / switch expression with such an arm.
        /// </summary>
        private static bool IsNullOrEmptyArm(ExpressionSyntax expression)
        {
            while (true)
            {
                switch (expression.WalkDownParenthesesAndCasts())
                {
                    case LiteralExpressionSyntax literal:
                        return literal.IsKind(SyntaxKind.NullLiteralExpression)
                            || literal.IsKind(SyntaxKind.DefaultLiteralExpression)
                            || (literal.IsKind(SyntaxKind.StringLiteralExpression) && literal.Token.ValueText.Length == 0);
                    case DefaultExpressionSyntax:
                        return true;
                    case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "FromResult" }, ArgumentList.Arguments: { Count: 1 } completed }:
                        // Task.FromResult<GuardrailConfiguration?>(null): a task helper that hands back nothing.
                        expression = completed[0].Expression;
                        continue;
                    case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Empty", Expression: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.StringKeyword } or IdentifierNameSyntax { Identifier.ValueText: "String" } }:
                        return true;
                    case ConditionalExpressionSyntax conditional:
                        return IsNullOrEmptyArm(conditional.WhenTrue) || IsNullOrEmptyArm(conditional.WhenFalse);
                    case SwitchExpressionSyntax switchExpression:
                        foreach (var arm in switchExpression.Arms)
                        {
                            if (IsNullOrEmptyArm(arm.Expression))
                            {
                                return true;
                            }
                        }

                        return false;
                    default:
                        return false;
                }
            }
        }
    }
}
