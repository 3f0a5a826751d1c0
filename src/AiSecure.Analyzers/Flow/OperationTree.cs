using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// An operation and every operation under it, in the order Roslyn's <c>DescendantsAndSelf()</c> gives (each operation
    /// before its children, children in source order), without an iterator: one explicit stack, a struct enumerator. The
    /// rules walk every operation block; on the benchmark corpus the iterator was the largest single entry in the
    /// package's profile. No recursion, so a deep tree (a long string concatenation) cannot overflow the stack.
    /// </summary>
    internal readonly struct OperationTree
    {
        private readonly IOperation? _root;

        public OperationTree(IOperation? root) => _root = root;

        public Enumerator GetEnumerator() => new(_root);

        [ThreadStatic]
        private static Stack<IOperation>? Spare;

        public struct Enumerator
        {
            private readonly Stack<IOperation> _pending;
            private IOperation? _current;

            public Enumerator(IOperation? root)
            {
                // A walk that runs to its end gives its stack back for the thread's next walk; one left early, or one
                // nested in another, allocates its own. Every block is walked by several rules.
                _pending = Spare ?? new Stack<IOperation>(64);
                Spare = null;
                _current = null;
                if (root != null)
                {
                    _pending.Push(root);
                }
            }

            public IOperation Current => _current!;

            [MethodImpl(CodeTier.Optimized)]
            public bool MoveNext()
            {
                if (_pending.Count == 0)
                {
                    _current = null;
                    Spare = _pending;
                    return false;
                }

                var current = _pending.Pop();
                // Reversed onto the stack, so the first child comes out first.
                foreach (var child in current.ChildOperations.Reverse())
                {
                    if (child != null)
                    {
                        _pending.Push(child);
                    }
                }

                _current = current;
                return true;
            }
        }
    }

    /// <summary>
    /// The analyzers run in a compiler that has just started: the runtime compiles each method at its first, unoptimized
    /// tier and promotes it only after the process has stopped compiling new code for a while, which in a build is
    /// rarely before the end. The few loops that visit every operation of every block (the walk and the rules' loops
    /// over it) are compiled optimized at once instead: they cost a little more to compile and run faster (benchmark README).
    /// </summary>
    internal static class CodeTier
    {
        /// <summary><c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name; ignored where unknown.</summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
