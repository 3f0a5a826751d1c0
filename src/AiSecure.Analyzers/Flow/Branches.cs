using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>One arm of a branching statement that a write sits in: an <c>if</c>'s then (0) or else (1) part, a
    /// <c>switch</c> section (its index), or a part that may not run at all (a loop body, a catch clause, the right side of
    /// <c>&amp;&amp;</c>, …: <see cref="Arm"/> is -1).</summary>
    internal readonly struct BranchArm
    {
        public BranchArm(IOperation construct, int arm)
        {
            Construct = construct;
            Arm = arm;
        }

        public readonly IOperation Construct;

        public readonly int Arm;
    }

    /// <summary>
    /// Which writes of a request happen on every path to its send (docs/rules/AISEC010.md, "Branches"): a write inside an
    /// <c>if</c>, a <c>switch</c> section, a loop body or a catch clause that does not also hold the send may not run.
    /// A property is written on every path when one write is unconditional, or when every arm of one branching statement
    /// (an <c>if</c> with its <c>else</c>, a <c>switch</c> with a <c>default</c>) writes it or leaves the method.
    /// </summary>
    internal static class Branches
    {
        /// <summary>
        /// The arms, outermost first, that <paramref name="write"/> sits in below the innermost statement that also holds
        /// the position <paramref name="point"/> (the send); null when the write runs whenever the send does.
        /// </summary>
        /// <remarks>An arm that also holds <paramref name="origin"/> (where the object comes from) does not count: when it
        /// does not run, there is no object to send.</remarks>
        public static BranchArm[]? Of(IOperation write, int point, int origin)
        {
            if (point == int.MaxValue)
            {
                return null;
            }

            List<BranchArm>? arms = null;
            for (IOperation current = write; current.Parent is { } parent; current = parent)
            {
                if (parent.Syntax.Span.Contains(point) || current.Syntax.Span.Contains(origin) || parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
                {
                    break;
                }

                var arm = ArmOf(parent, current);
                if (arm != null)
                {
                    // A switch section's arm belongs to the switch: the sections are its arms.
                    (arms ??= new List<BranchArm>()).Add(new BranchArm(parent is ISwitchCaseOperation ? parent.Parent! : parent, arm.Value));
                }
            }

            if (arms == null)
            {
                return null;
            }

            arms.Reverse();
            return arms.ToArray();
        }

        /// <summary>True when <paramref name="a"/> and <paramref name="b"/> sit in different arms of one <c>if</c>/<c>else</c> or <c>switch</c>: no run reaches both.</summary>
        public static bool Exclusive(IOperation a, IOperation b)
        {
            var span = b.Syntax.Span;
            for (IOperation current = a; current.Parent is { } parent; current = parent)
            {
                if (!parent.Syntax.Span.Contains(span))
                {
                    continue;
                }

                switch (parent)
                {
                    case IConditionalOperation { WhenFalse: { } whenFalse } conditional when current == conditional.WhenTrue:
                        return whenFalse.Syntax.Span.Contains(span);
                    case IConditionalOperation conditional when current == conditional.WhenFalse:
                        return conditional.WhenTrue.Syntax.Span.Contains(span);
                    case ISwitchOperation @switch when current is ISwitchCaseOperation:
                        foreach (var section in @switch.Cases)
                        {
                            if (section != current && section.Syntax.Span.Contains(span))
                            {
                                return true;
                            }
                        }

                        return false;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>True when the writes (each with its arms) write the property on every path to the send.</summary>
        public static bool Cover(IReadOnlyList<TrackedValue> writes) => Cover(writes, 0);

        private static bool Cover(IReadOnlyList<TrackedValue> writes, int depth)
        {
            var constructs = new List<IOperation>();
            foreach (var write in writes)
            {
                var arms = write.Branches;
                if (arms == null || arms.Length <= depth)
                {
                    return true;
                }

                if (!constructs.Contains(arms[depth].Construct))
                {
                    constructs.Add(arms[depth].Construct);
                }
            }

            foreach (var construct in constructs)
            {
                if (CoversEveryArm(construct, writes, depth))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool CoversEveryArm(IOperation construct, IReadOnlyList<TrackedValue> writes, int depth)
        {
            switch (construct)
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    return CoversArm(construct, 0, conditional.WhenTrue, writes, depth) && CoversArm(construct, 1, whenFalse, writes, depth);
                case ISwitchOperation @switch:
                    var hasDefault = false;
                    for (var i = 0; i < @switch.Cases.Length; i++)
                    {
                        var section = @switch.Cases[i];
                        foreach (var clause in section.Clauses)
                        {
                            hasDefault |= clause.CaseKind == CaseKind.Default;
                        }

                        var last = section.Body.Length > 0 ? section.Body[section.Body.Length - 1] : null;
                        if (!CoversArm(construct, i, last, writes, depth))
                        {
                            return false;
                        }
                    }

                    return hasDefault;
                default:
                    return false;
            }
        }

        private static bool CoversArm(IOperation construct, int arm, IOperation? body, IReadOnlyList<TrackedValue> writes, int depth)
        {
            if (LeavesTheMethod(body))
            {
                return true;
            }

            var inArm = new List<TrackedValue>();
            foreach (var write in writes)
            {
                if (write.Branches![depth].Construct == construct && write.Branches[depth].Arm == arm)
                {
                    inArm.Add(write);
                }
            }

            return inArm.Count > 0 && Cover(inArm, depth + 1);
        }

        /// <summary>True when the arm ends in a <c>return</c> or a <c>throw</c>: it never reaches the send after the statement.</summary>
        private static bool LeavesTheMethod(IOperation? body)
        {
            while (body is IBlockOperation block)
            {
                body = block.Operations.Length > 0 ? block.Operations[block.Operations.Length - 1] : null;
            }

            return body is IReturnOperation { Kind: OperationKind.Return } or IThrowOperation or IExpressionStatementOperation { Operation: IThrowOperation };
        }

        /// <summary>The arm of <paramref name="parent"/> that <paramref name="child"/> is, when <paramref name="child"/> may not run whenever <paramref name="parent"/> does.</summary>
        private static int? ArmOf(IOperation parent, IOperation child)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when child != conditional.Condition:
                    return child == conditional.WhenTrue ? 0 : 1;
                case ISwitchCaseOperation { Parent: ISwitchOperation @switch } section:
                    return @switch.Cases.IndexOf(section);
                case ILoopOperation loop when child == loop.Body:
                case ICatchClauseOperation:
                case IConditionalAccessOperation access when child == access.WhenNotNull:
                case ICoalesceOperation coalesce when child == coalesce.WhenNull:
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } binary when child == binary.RightOperand:
                case ISwitchExpressionArmOperation:
                    return -1;
                default:
                    return null;
            }
        }
    }
}
