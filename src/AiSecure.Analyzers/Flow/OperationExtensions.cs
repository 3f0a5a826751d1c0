using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>Operation kinds that the Roslyn 4.8 floor does not name.</summary>
    internal static class OperationKinds
    {
        /// <summary><c>OperationKind.CollectionExpression</c> (<c>[a, b]</c>).</summary>
        public const OperationKind CollectionExpression = (OperationKind)0x7F;

        /// <summary><c>OperationKind.Spread</c> (<c>..items</c> in a collection expression).</summary>
        public const OperationKind Spread = (OperationKind)0x80;
    }

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

        /// <summary>The operation reads <paramref name="parameter"/> (conversions looked through): a lambda's element, a helper's argument.</summary>
        public static bool ReadsParameter(this IOperation operation, IParameterSymbol parameter)
            => operation.WalkDownConversions() is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, parameter);

        /// <summary>A delegate value with its conversions and delegate creation looked through: the lambda or method reference it wraps.</summary>
        public static IOperation WalkDownDelegate(this IOperation value)
        {
            value = value.WalkDownConversions();
            return value is IDelegateCreationOperation creation ? creation.Target.WalkDownConversions() : value;
        }

        /// <summary>The lambda a delegate value holds (<c>items.Where(t =&gt; …)</c>'s argument), or null.</summary>
        public static IAnonymousFunctionOperation? AsLambda(this IOperation value) => value.WalkDownDelegate() as IAnonymousFunctionOperation;

        /// <summary>What a one-parameter lambda whose body is one <c>return</c> gives back (<c>t =&gt; Allowed.Contains(t)</c>), or null.</summary>
        public static IOperation? SingleExpression(this IAnonymousFunctionOperation lambda)
            => lambda.Symbol.Parameters.Length == 1 && lambda.Body.Operations.Length == 1 && lambda.Body.Operations[0] is IReturnOperation { ReturnedValue: { } returned }
                ? returned
                : null;

        /// <summary>
        /// The lambda <paramref name="lambda"/> that encloses <paramref name="reference"/>, and the argument of a call it is
        /// passed to (<c>items.Select(x => …)</c>, <c>app.MapPost("/", (string q) => …)</c>, <c>AIFunctionFactory.Create(…)</c>);
        /// null for the lambda when none encloses the reference, null for the argument when the lambda is not passed to a call.
        /// </summary>
        public static IAnonymousFunctionOperation? EnclosingLambda(this IOperation reference, IMethodSymbol lambda, out IArgumentOperation? argument)
        {
            argument = null;
            for (var current = reference.Parent; current != null; current = current.Parent)
            {
                if (current is not IAnonymousFunctionOperation function || !SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
                {
                    continue;
                }

                var consumer = function.Parent;
                while (consumer is IDelegateCreationOperation or IConversionOperation or IParenthesizedOperation)
                {
                    consumer = consumer.Parent;
                }

                argument = consumer is IArgumentOperation { Parent: IInvocationOperation } passed ? passed : null;
                return function;
            }

            return null;
        }

        /// <summary>The operation and every operation under it, each before its children, children in source order.</summary>
        public static OperationTree WalkTree(this IOperation? root) => new(root);

        /// <summary>The initializer of a local that nothing else in its method writes.</summary>
        public static IOperation? SingleWrite(this ILocalReferenceOperation reference)
        {
            var local = reference.Local;
            IOperation? initializer = null;
            foreach (var operation in reference.GetRoot().WalkTree())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initializer = declarator.Initializer?.Value;
                        if (initializer == null)
                        {
                            return null;
                        }

                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, local):
                        return null;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation passed } when SymbolEqualityComparer.Default.Equals(passed.Local, local):
                        return null;
                }
            }

            return initializer;
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

        /// <summary>
        /// The value a local is given, when its declarator's initializer is the only write to it in the
        /// code block; null when it is written anywhere else (assignment, ref/out, deconstruction).
        /// </summary>
        public static IOperation? GetSingleInitializer(this ILocalSymbol local, IOperation anyOperationInBlock)
        {
            IOperation? initializer = null;
            var root = anyOperationInBlock.GetRoot();
            foreach (var descendant in root.WalkTree())
            {
                switch (descendant.Kind)
                {
                    case OperationKind.VariableDeclarator when descendant is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local):
                        initializer = declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value;
                        break;
                    case OperationKind.LocalReference when descendant is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local) && IsWrite(reference):
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
