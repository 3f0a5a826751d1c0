using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// Follows a value backwards inside one method to find whether it carries model output: through
    /// locals (every write), concatenation, interpolation, string methods, awaits, conditionals, member
    /// reads and element access. Clearing: HTML encoders, <c>[OutputValidator]</c> methods (as a result, or
    /// as a guard on a local), allow-list checks on a local, and values of types that cannot carry text.
    /// Bounded by depth and a visited set; anything unknown is "not proven": no diagnostic.
    /// </summary>
    internal sealed class ModelOutputFlow
    {
        private const int MaxDepth = 16;

        private readonly ModelOutputCatalog _catalog;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<ILocalSymbol> _visitedLocals = new(SymbolEqualityComparer.Default);
        private readonly IOperation _sink;
        private List<IMethodSymbol>? _sourceCalls;
        private HashSet<IFieldSymbol>? _visitedFields;
        private List<IParameterSymbol>? _sourceParameters;

        public ModelOutputFlow(ModelOutputCatalog catalog, IOperation sink, CancellationToken cancellationToken)
        {
            _catalog = catalog;
            _sink = sink;
            _cancellationToken = cancellationToken;
        }

        /// <summary>A short name of where the model output comes from, or null when the value is not model output.</summary>
        public string? FindOrigin(IOperation value) => Find(value, 0);

        /// <summary>
        /// Methods of this compilation whose result the value carries and that could not be looked into here;
        /// whether they return model output is known only from their own summaries.
        /// </summary>
        public IReadOnlyList<IMethodSymbol> SourceCalls => (IReadOnlyList<IMethodSymbol>?)_sourceCalls ?? System.Array.Empty<IMethodSymbol>();

        /// <summary>
        /// Parameters of a method of this compilation that the value carries; whether callers pass model output to
        /// them is known only from the call sites.
        /// </summary>
        public IReadOnlyList<IParameterSymbol> SourceParameters => (IReadOnlyList<IParameterSymbol>?)_sourceParameters ?? System.Array.Empty<IParameterSymbol>();

        /// <summary>True when a call's argument for this parameter is worth following: a text-carrying parameter of a method declared in source.</summary>
        public static bool IsSourceTextParameter(IParameterSymbol parameter)
            => parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && method.DeclaringSyntaxReferences.Length > 0
            && (parameter.Type.SpecialType is SpecialType.System_String or SpecialType.System_Object || IsSourceDataType(parameter.Type));

        /// <summary>True when a method's return value can be summarized: text-carrying, declared in source.</summary>
        public static bool IsSummarizable(IMethodSymbol method)
            => method.MethodKind == MethodKind.Ordinary && !method.IsImplicitlyDeclared && method.DeclaringSyntaxReferences.Length > 0 && CarriesText(method.ReturnType);

        /// <summary>An interface member declared in source: its implementations' summaries stand for it.</summary>
        private static bool IsSourceInterfaceMember(IMethodSymbol method)
            => method.ContainingType.TypeKind == TypeKind.Interface && method.DeclaringSyntaxReferences.Length > 0 && CarriesText(method.ReturnType);

        private static bool CarriesText(ITypeSymbol type)
        {
            if (type.SpecialType == SpecialType.System_String)
            {
                return true;
            }

            if (IsSourceDataType(type))
            {
                return true;
            }

            // Task<string>, ValueTask<string>, IAsyncEnumerable<string>, IEnumerable<string>, and the same of a record of this compilation
            return type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic
                && (generic.TypeArguments[0].SpecialType == SpecialType.System_String || IsSourceDataType(generic.TypeArguments[0]))
                && generic.Name is "Task" or "ValueTask" or "IAsyncEnumerable" or "IEnumerable";
        }

        /// <summary>A class, record or struct declared in this compilation: a structured answer (<c>record SqlPlan(string Sql)</c>) carries the text it was built from.</summary>
        private static bool IsSourceDataType(ITypeSymbol type)
            => type.TypeKind is TypeKind.Class or TypeKind.Struct && type.DeclaringSyntaxReferences.Length > 0;

        private string? Find(IOperation? operation, int depth)
        {
            if (operation == null || depth > MaxDepth)
            {
                return null;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            if (operation.ConstantValue.HasValue || CannotCarryText(operation.Type))
            {
                return null;
            }

            switch (operation)
            {
                case IConversionOperation conversion:
                    return Find(conversion.Operand, depth + 1);
                case IParenthesizedOperation parenthesized:
                    return Find(parenthesized.Operand, depth + 1);
                case IAwaitOperation awaitOperation:
                    return Find(awaitOperation.Operation, depth + 1);
                case IInterpolatedStringOperation interpolated:
                    return interpolated.Parts.OfType<IInterpolationOperation>().Select(p => Find(p.Expression, depth + 1)).FirstOrDefault(o => o != null);
                case IBinaryOperation binary:
                    return Find(binary.LeftOperand, depth + 1) ?? Find(binary.RightOperand, depth + 1);
                case ICoalesceOperation coalesce:
                    return Find(coalesce.Value, depth + 1) ?? Find(coalesce.WhenNull, depth + 1);
                case IConditionalOperation conditional:
                    if (IsAllowListTest(conditional.Condition))
                    {
                        return null;
                    }

                    return Find(conditional.WhenTrue, depth + 1) ?? Find(conditional.WhenFalse, depth + 1);
                case ISwitchExpressionOperation switchExpression:
                    // x switch { "a" or "b" => x, … }: in an arm whose pattern is constants, x is allow-listed.
                    return switchExpression.Arms
                        .Where(a => !(a.Guard == null && PatternPolarity(a.Pattern) > 0 && SameSymbol(a.Value.WalkDownConversions(), switchExpression.Value.WalkDownConversions())))
                        .Select(a => Find(a.Value, depth + 1)).FirstOrDefault(o => o != null);
                case IInvocationOperation invocation:
                    return FindInInvocation(invocation, depth);
                case IPropertyReferenceOperation property:
                    if (_catalog.IsOutputType(property.Property.ContainingType) || _catalog.IsOutputType(property.Instance?.Type))
                    {
                        return property.Property.ContainingType.Name + "." + property.Property.Name;
                    }

                    return Find(property.Instance, depth + 1);
                case IFieldReferenceOperation field:
                    return FindInField(field, depth) ?? (field.Instance is { } instance and not IInstanceReferenceOperation ? Find(instance, depth + 1) : null);
                case IConditionalAccessOperation conditionalAccess:
                    return Find(conditionalAccess.WhenNotNull, depth + 1);
                case IConditionalAccessInstanceOperation accessInstance:
                    return FindConditionalAccessTarget(accessInstance, depth);
                case IArrayElementReferenceOperation element:
                    return Find(element.ArrayReference, depth + 1);
                case ILocalReferenceOperation local:
                    return FindInLocal(local, depth);
                case IParameterReferenceOperation parameter:
                    return ToolParameterOrigin(parameter);
                case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol created && IsTextCarrier(created) && creation.Arguments.Length > 0:
                    return Find(creation.Arguments[0].Value, depth + 1);
                case IObjectCreationOperation creation when creation.Type != null && IsSourceDataType(creation.Type):
                    // new GeneratedQuery(completion.Content[0].Text, 100): the object carries what it was built from.
                    return creation.Arguments.Select(a => Find(a.Value, depth + 1)).FirstOrDefault(o => o != null)
                        ?? creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>().Select(a => Find(a.Value, depth + 1)).FirstOrDefault(o => o != null);
                default:
                    return null;
            }
        }

        /// <summary>The <c>x</c> of <c>x?.Member</c>: the receiver of the nearest <c>?.</c> whose access part holds this instance.</summary>
        private string? FindConditionalAccessTarget(IConditionalAccessInstanceOperation instance, int depth)
        {
            IOperation child = instance;
            for (var parent = instance.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access && access.WhenNotNull == child)
                {
                    return Find(access.Operation, depth + 1);
                }
            }

            return null;
        }

        private string? FindInInvocation(IInvocationOperation invocation, int depth)
        {
            var method = invocation.TargetMethod;
            if (_catalog.IsHtmlEncoder(method) || IsOutputValidator(method))
            {
                return null;
            }

            if (_catalog.IsTextCall(method))
            {
                return method.ContainingType.Name + "." + method.Name;
            }

            if (_catalog.IsOutputType(method.ContainingType) || _catalog.IsOutputType(invocation.Instance?.Type))
            {
                return method.ContainingType.Name + "." + method.Name;
            }

            // string.Format / Concat / Join and string instance methods carry their inputs along.
            if (method.ContainingType.SpecialType == SpecialType.System_String
                || method.Name == "ToString"
                || (method.ContainingType.Name == "StringBuilder" && method.Name == "ToString"))
            {
                foreach (var argument in invocation.Arguments)
                {
                    var found = Find(argument.Value, depth + 1);
                    if (found != null)
                    {
                        return found;
                    }
                }

                return Find(invocation.Instance, depth + 1);
            }

            if (IsSummarizable(method.OriginalDefinition) || IsSourceInterfaceMember(method.OriginalDefinition))
            {
                // A helper of this compilation that is given model output is taken to hand it back, unless it
                // is marked [OutputValidator] (above); what it returns on its own is known from its summary.
                (_sourceCalls ??= new List<IMethodSymbol>()).Add(method.OriginalDefinition);
                foreach (var argument in invocation.Arguments)
                {
                    var passed = Find(argument.Value, depth + 1);
                    if (passed != null)
                    {
                        return passed;
                    }
                }

                return null;
            }

            // Parsing or reading model output (JsonDocument, JsonSerializer, JsonElement, readers over a response body) keeps it model output.
            if (IsTextCarrier(method.ContainingType))
            {
                return Find(invocation.Instance, depth + 1)
                    ?? invocation.Arguments.Select(a => Find(a.Value, depth + 1)).FirstOrDefault(o => o != null);
            }

            // LINQ over model output (FirstOrDefault, Last, ElementAt, …) keeps it model output.
            if (method.IsExtensionMethod && method.ContainingType.Name is "Enumerable" or "AsyncEnumerable" && method.ContainingNamespace?.Name == "Linq" && invocation.Arguments.Length > 0)
            {
                return Find(invocation.Arguments[0].Value, depth + 1);
            }

            return null;
        }

        /// <summary>
        /// A parameter of a tool the model calls: a Semantic Kernel <c>[KernelFunction]</c> method, or a lambda handed to
        /// <c>AIFunctionFactory.Create</c> / <c>KernelFunctionFactory.CreateFromMethod</c>. The model writes its arguments.
        /// </summary>
        private string? ToolParameterOrigin(IParameterReferenceOperation reference)
        {
            var parameter = reference.Parameter;
            if (!CarriesText(parameter.Type) && parameter.Type.SpecialType != SpecialType.System_Object)
            {
                return null;
            }

            var origin = ToolOf(reference, parameter);
            if (origin == null && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } owner && owner.DeclaringSyntaxReferences.Length > 0
                && !IsGuarded(parameter) && !IsInConstantCase(parameter))
            {
                (_sourceParameters ??= new List<IParameterSymbol>()).Add(parameter.OriginalDefinition);
                return null;
            }

            return origin != null && !IsGuarded(parameter) && !IsInConstantCase(parameter) ? origin : null;
        }

        private static string? ToolOf(IParameterReferenceOperation reference, IParameterSymbol parameter)
        {

            if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Ordinary } method
                && method.GetAttributes().Any(a => a.AttributeClass?.Name == "KernelFunctionAttribute"))
            {
                return method.ContainingType.Name + "." + method.Name + "(" + parameter.Name + ")";
            }

            if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda)
            {
                for (var parent = reference.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
                    {
                        var consumer = function.Parent;
                        while (consumer is IDelegateCreationOperation or IConversionOperation)
                        {
                            consumer = consumer.Parent;
                        }

                        if (consumer is IArgumentOperation { Parent: IInvocationOperation factory }
                            && (factory.TargetMethod.Name == "Create" && factory.TargetMethod.ContainingType.Name == "AIFunctionFactory"
                                || factory.TargetMethod.Name == "CreateFromMethod" && factory.TargetMethod.ContainingType.Name == "KernelFunctionFactory"))
                        {
                            return factory.TargetMethod.ContainingType.Name + "." + factory.TargetMethod.Name + "(" + parameter.Name + ")";
                        }

                        break;
                    }
                }
            }

            return null;
        }

        /// <summary>System.Text.Json, readers and streams, <c>BinaryData</c> and <c>Encoding</c>: what they parse or read is what they hand back.</summary>
        private static bool IsTextCarrier(INamedTypeSymbol? type)
        {
            var ns = type?.ContainingNamespace;
            if (type == null || ns == null)
            {
                return false;
            }

            var nsName = ns.Name;
            var parent = ns.ContainingNamespace;
            if (nsName is "Json" or "Nodes")
            {
                // System.Text.Json, System.Text.Json.Nodes
                var json = nsName == "Nodes" ? parent : ns;
                return json?.Name == "Json" && json.ContainingNamespace is { Name: "Text", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } };
            }

            return (nsName == "IO" && parent is { Name: "System", ContainingNamespace.IsGlobalNamespace: true } && type.Name is "StreamReader" or "TextReader" or "StringReader" or "MemoryStream")
                || (nsName == "Text" && parent is { Name: "System", ContainingNamespace.IsGlobalNamespace: true } && type.Name is "Encoding" or "UTF8Encoding")
                || (nsName == "System" && parent is { IsGlobalNamespace: true } && type.Name == "BinaryData");
        }

        private string? FindInLocal(ILocalReferenceOperation reference, int depth)
        {
            var local = reference.Local;
            if (!_visitedLocals.Add(local))
            {
                return null;
            }

            if (IsGuarded(local) || IsInConstantCase(local))
            {
                return null;
            }

            return FindInWrites(reference.GetRoot(), local, depth);
        }

        /// <summary>A field of this object (or a static field) read where the same method writes it: what the method writes.</summary>
        private string? FindInField(IFieldReferenceOperation reference, int depth)
        {
            var field = reference.Field;
            if (field.IsConst || !(field.IsStatic || reference.Instance is IInstanceReferenceOperation) || !(_visitedFields ??= new HashSet<IFieldSymbol>(SymbolEqualityComparer.Default)).Add(field))
            {
                return null;
            }

            return FindInWrites(reference.GetRoot(), field, depth);
        }

        /// <summary>Every write of a local, or of a field of this object, inside one method body.</summary>
        private string? FindInWrites(IOperation root, ISymbol symbol, int depth)
        {
            foreach (var operation in root.WalkTree())
            {
                string? found = null;
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, symbol):
                        found = Find(declarator.Initializer?.Value ?? declarator.GetVariableInitializer()?.Value, depth + 1);
                        break;
                    case ISimpleAssignmentOperation assignment when RefersTo(assignment.Target, symbol):
                        found = Find(assignment.Value, depth + 1);
                        break;
                    case ICompoundAssignmentOperation compound when RefersTo(compound.Target, symbol):
                        found = Find(compound.Value, depth + 1);
                        break;
                    case IForEachLoopOperation loop when symbol is ILocalSymbol local && loop.Locals.Contains(local, SymbolEqualityComparer.Default):
                        found = Find(loop.Collection, depth + 1);
                        break;
                    case IInvocationOperation append when append.TargetMethod.Name is "Append" or "AppendLine" or "AppendFormat" or "Insert"
                        && append.Instance != null && RefersTo(append.Instance.WalkDownConversions(), symbol):
                        found = append.Arguments.Select(a => Find(a.Value, depth + 1)).FirstOrDefault(o => o != null);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out } argument when RefersTo(argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value, symbol)
                        && argument.Parent is IInvocationOperation tryPick:
                        // block.TryPickText(out var text): what an output object hands out is model output.
                        found = FindInOutArgument(tryPick, depth);
                        break;
                    case IDeclarationPatternOperation pattern when SymbolEqualityComparer.Default.Equals(pattern.DeclaredSymbol, symbol) && pattern.Parent is IIsPatternOperation isPattern:
                        found = Find(isPattern.Value, depth + 1);
                        break;
                }

                if (found != null)
                {
                    return found;
                }
            }

            return null;
        }

        private string? FindInOutArgument(IInvocationOperation invocation, int depth)
        {
            var source = invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);
            if (source == null)
            {
                return null;
            }

            if (_catalog.IsOutputType(source.Type))
            {
                return invocation.TargetMethod.ContainingType.Name + "." + invocation.TargetMethod.Name;
            }

            return Find(source, depth + 1);
        }

        private static bool RefersTo(IOperation operation, ISymbol symbol)
            => operation switch
            {
                ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, symbol),
                IFieldReferenceOperation field => SymbolEqualityComparer.Default.Equals(field.Field, symbol) && (field.Field.IsStatic || field.Instance is IInstanceReferenceOperation),
                _ => false,
            };

        /// <summary>
        /// A local checked before the sink by an <c>if</c> that leaves the method when an [OutputValidator]
        /// method or an allow-list test (<c>Contains(x)</c>, <c>x is "a" or "b"</c>, <c>x == "a"</c>) says no.
        /// </summary>
        private bool IsGuarded(ISymbol local)
        {
            var root = _sink.GetRoot();
            var sinkStart = _sink.Syntax.SpanStart;
            foreach (var conditional in root.DescendantsAndSelf().OfType<IConditionalOperation>())
            {
                if (conditional.Syntax.SpanStart >= sinkStart || conditional.Type != null)
                {
                    continue;
                }

                var mentionsLocal = conditional.Condition.DescendantsAndSelf().Any(r => IsReferenceTo(r, local));
                if (!mentionsLocal)
                {
                    continue;
                }

                var polarity = AllowListPolarity(conditional.Condition);
                if (polarity == 0)
                {
                    continue;
                }

                // if (Allowed.Contains(x)) { sink } / if (!Allowed.Contains(x)) { … } else { sink }
                if (conditional.WhenTrue.Syntax.Span.Contains(sinkStart))
                {
                    return polarity > 0;
                }

                if (conditional.WhenFalse != null && conditional.WhenFalse.Syntax.Span.Contains(sinkStart))
                {
                    return polarity < 0;
                }

                // if (!Allowed.Contains(x)) return; … sink: the branch that leaves is the one where x is not allowed.
                if ((polarity < 0 && Leaves(conditional.WhenTrue)) || (polarity > 0 && conditional.WhenFalse != null && Leaves(conditional.WhenFalse)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>switch (x) { case "a": case "b": sink(x); … }</c>: inside a section whose labels are all non-null constants.</summary>
        private bool IsInConstantCase(ISymbol local)
        {
            var sinkStart = _sink.Syntax.SpanStart;
            foreach (var switchExpression in _sink.GetRoot().DescendantsAndSelf().OfType<ISwitchExpressionOperation>())
            {
                if (IsReferenceTo(switchExpression.Value.WalkDownConversions(), local)
                    && switchExpression.Arms.Any(a => a.Value.Syntax.Span.Contains(sinkStart) && a.Guard == null && PatternPolarity(a.Pattern) > 0))
                {
                    return true;
                }
            }

            foreach (var switchOperation in _sink.GetRoot().DescendantsAndSelf().OfType<ISwitchOperation>())
            {
                if (!IsReferenceTo(switchOperation.Value.WalkDownConversions(), local))
                {
                    continue;
                }

                foreach (var section in switchOperation.Cases)
                {
                    if (section.Body.Any(b => b.Syntax.Span.Contains(sinkStart)))
                    {
                        return section.Clauses.All(c => c is ISingleValueCaseClauseOperation single && IsNonNullConstant(single.Value)
                            || c is IPatternCaseClauseOperation { Guard: null } pattern && PatternPolarity(pattern.Pattern) > 0);
                    }
                }
            }

            return false;
        }

        private static bool SameSymbol(IOperation left, IOperation right)
            => (left, right) switch
            {
                (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
                (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
                _ => false,
            };

        private static bool IsReferenceTo(IOperation operation, ISymbol symbol)
            => operation switch
            {
                ILocalReferenceOperation local => SymbolEqualityComparer.Default.Equals(local.Local, symbol),
                IParameterReferenceOperation parameter => SymbolEqualityComparer.Default.Equals(parameter.Parameter, symbol),
                _ => false,
            };

        private static bool Leaves(IOperation branch) => branch.DescendantsAndSelf().Any(o => o is IReturnOperation or IThrowOperation);

        private bool IsAllowListTest(IOperation condition) => AllowListPolarity(condition) != 0;

        /// <summary>
        /// +1 when the condition being true means the value passed an allow-list (<c>Allowed.Contains(x)</c>,
        /// <c>x is "a" or "b"</c>, <c>x == "a"</c>, an [OutputValidator], an anchored <c>Regex.IsMatch</c>);
        /// -1 when its being false means so (<c>!Allowed.Contains(x)</c>, <c>x != "a" &amp;&amp; x != "b"</c>); 0 otherwise.
        /// A substring test (<c>sql.Contains("DROP")</c>) is a deny-list and never counts.
        /// </summary>
        private int AllowListPolarity(IOperation condition)
        {
            condition = condition.WalkDownConversions();
            switch (condition)
            {
                case IParenthesizedOperation parenthesized:
                    return AllowListPolarity(parenthesized.Operand);
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return -AllowListPolarity(not.Operand);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or } or:
                    return Combine(AllowListPolarity(or.LeftOperand), AllowListPolarity(or.RightOperand), -1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And } and:
                    return Combine(AllowListPolarity(and.LeftOperand), AllowListPolarity(and.RightOperand), 1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } equals when IsNonNullConstant(equals.RightOperand) || IsNonNullConstant(equals.LeftOperand):
                    return 1;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.NotEquals } notEquals when IsNonNullConstant(notEquals.RightOperand) || IsNonNullConstant(notEquals.LeftOperand):
                    return -1;
                case IIsPatternOperation isPattern:
                    return PatternPolarity(isPattern.Pattern);
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (IsOutputValidator(method)
                        || (method.Name is "Contains" or "ContainsKey" && method.ContainingType.SpecialType != SpecialType.System_String && !IsStringExtension(method))
                        || IsAnchoredRegexMatch(invocation))
                    {
                        return 1;
                    }

                    return 0;
                default:
                    return 0;
            }
        }

        /// <summary>In an <c>||</c>, one part that proves the value allowed when false is enough (-1); in an <c>&amp;&amp;</c>, one that proves it when true (+1).</summary>
        private static int Combine(int left, int right, int dominant)
        {
            if (left == dominant || right == dominant)
            {
                return dominant;
            }

            return left != 0 && left == right ? left : 0;
        }

        private static int PatternPolarity(IPatternOperation pattern)
        {
            switch (pattern)
            {
                case IConstantPatternOperation constant:
                    return IsNonNullConstant(constant.Value) ? 1 : 0;
                case INegatedPatternOperation negated:
                    return -PatternPolarity(negated.Pattern);
                case IBinaryPatternOperation binary:
                    var left = PatternPolarity(binary.LeftPattern);
                    var right = PatternPolarity(binary.RightPattern);
                    return left == right ? left : 0;
                default:
                    return 0;
            }
        }

        private static bool IsStringExtension(IMethodSymbol method)
        {
            var definition = method.ReducedFrom ?? method;
            return definition.IsExtensionMethod && definition.Parameters.Length > 0 && definition.Parameters[0].Type.SpecialType == SpecialType.System_String;
        }

        /// <summary><c>Regex.IsMatch(value, "^…$")</c> with a constant pattern anchored at both ends.</summary>
        private static bool IsAnchoredRegexMatch(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name != "IsMatch" || !method.IsStatic || method.ContainingType.Name != "Regex" || invocation.Arguments.Length < 2)
            {
                return false;
            }

            var pattern = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pattern")?.Value;
            if (pattern?.ConstantValue.Value is not string text)
            {
                return false;
            }

            return (text.StartsWith("^", System.StringComparison.Ordinal) || text.StartsWith("\\A", System.StringComparison.Ordinal))
                && (text.EndsWith("$", System.StringComparison.Ordinal) || text.EndsWith("\\z", System.StringComparison.Ordinal) || text.EndsWith("\\Z", System.StringComparison.Ordinal));
        }

        /// <summary>A null test (<c>x is null</c>, <c>x == null</c>) is no allow-list.</summary>
        private static bool IsNonNullConstant(IOperation operation)
            => operation.ConstantValue.HasValue && operation.ConstantValue.Value != null;

        private static bool IsOutputValidator(IMethodSymbol method)
            => method.GetAttributes().Any(a => a.AttributeClass?.Name is "OutputValidatorAttribute" or "OutputValidator");

        private static bool CannotCarryText(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            if (type is INamedTypeSymbol { IsGenericType: true } nullable && nullable.ConstructedFrom.SpecialType == SpecialType.System_Nullable_T)
            {
                type = nullable.TypeArguments[0];
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_Int32:
                case SpecialType.System_UInt32:
                case SpecialType.System_Int64:
                case SpecialType.System_UInt64:
                case SpecialType.System_Single:
                case SpecialType.System_Double:
                case SpecialType.System_Decimal:
                case SpecialType.System_DateTime:
                case SpecialType.System_Char:
                    return true;
            }

            return type.TypeKind == TypeKind.Enum || type.Name is "Guid" or "DateTimeOffset" or "TimeSpan";
        }
    }
}
