using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    internal static class OperationExtensions
    {
        /// <summary>Skips implicit and explicit conversions and parentheses.</summary>
        public static IOperation WalkDownConversions(this IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        break;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        break;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>The outermost operation of the method, lambda body or initializer that holds <paramref name="operation"/>.</summary>
        public static IOperation GetRoot(this IOperation operation)
        {
            var current = operation;
            while (current.Parent != null)
            {
                current = current.Parent;
            }

            return current;
        }

        private static readonly ConditionalWeakTable<IOperation, IOperation[]> Flattened = new();
        private static readonly ConditionalWeakTable<IOperation, IOperation[]>.CreateValueCallback Flatten = FlattenCore;

        /// <summary>
        /// The operations of a whole operation block (a method body, an initializer), the block first, in the order
        /// of Roslyn's <c>DescendantsAndSelf()</c> (pre-order). Computed once per block and shared
        /// by every rule and by every local a rule follows in it: several rules walk the same blocks, and the walk
        /// itself was a large part of their cost. Held weakly: the list goes when the operation tree goes.
        /// </summary>
        public static IOperation[] BlockOperations(this IOperation root)
            => root.Parent == null ? Flattened.GetValue(root, Flatten) : FlattenCore(root);

        private static IOperation[] FlattenCore(IOperation root)
        {
            var result = new List<IOperation> { root };
            var stack = new Stack<IOperation.OperationList.Enumerator>();
            stack.Push(root.ChildOperations.GetEnumerator());
            while (stack.Count > 0)
            {
                var children = stack.Pop();
                if (!children.MoveNext())
                {
                    continue;
                }

                var child = children.Current;
                stack.Push(children);
                result.Add(child);
                stack.Push(child.ChildOperations.GetEnumerator());
            }

            return result.ToArray();
        }

        /// <summary>
        /// The value a local is given, when its declarator's initializer is the only write to it in the
        /// code block; null when it is written anywhere else (assignment, ref/out, deconstruction).
        /// </summary>
        public static IOperation? GetSingleInitializer(this ILocalSymbol local, IOperation anyOperationInBlock)
        {
            IOperation? initializer = null;
            var root = anyOperationInBlock.GetRoot();
            foreach (var descendant in root.BlockOperations())
            {
                switch (descendant)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initializer = declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value;
                        break;
                    case ILocalReferenceOperation reference when SymbolEqualityComparer.Default.Equals(reference.Local, local) && IsWrite(reference):
                        return null;
                }
            }

            return initializer;
        }

        private static bool IsWrite(IOperation reference)
        {
            var parent = reference.Parent;
            switch (parent)
            {
                case IAssignmentOperation assignment when assignment.Target == reference:
                    return true;
                case IArgumentOperation argument when argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out:
                    return true;
                case IIncrementOrDecrementOperation:
                    return true;
                case ITupleOperation or IDeclarationExpressionOperation:
                    return parent.Parent is IDeconstructionAssignmentOperation || parent is IDeclarationExpressionOperation;
                default:
                    return false;
            }
        }

        public static IArgumentOperation? GetArgument(this IInvocationOperation invocation, string parameterName)
            => invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameterName);
    }
}
