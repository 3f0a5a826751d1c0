using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.Knowledge
{
    /// <summary>
    /// Whether a compilation's source text contains any of a set of words: the compilation-start gate of rules whose
    /// sinks are reached only through a member whose name the code must spell out. An assignment to
    /// <c>ServerCertificateCustomValidationCallback</c> cannot exist in a compilation whose text never says that name,
    /// so a project without it (most projects: every .NET project references <c>HttpClientHandler</c>, few set its
    /// callback) gets no operation action at all instead of a callback per assignment.
    /// </summary>
    /// <remarks>
    /// The answer per syntax tree and word set is kept while the tree lives (an IDE reuses unchanged trees across
    /// compilations), so each text is read once. The search is ordinal and may find a word in a comment or a longer
    /// name: a false "yes" only costs the analysis the gate saves.
    /// </remarks>
    internal static class SourceWords
    {
        private const int ChunkLength = 16 * 1024;

        private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<string[], bool>> Found = new();

        /// <summary>True when some syntax tree of <paramref name="compilation"/> contains one of <paramref name="words"/>
        /// (capitalized names; a static array: it is the cache key).</summary>
        public static bool AnyIn(Compilation compilation, string[] words, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                var answers = Found.GetValue(tree, static _ => new ConcurrentDictionary<string[], bool>());
                if (!answers.TryGetValue(words, out var found))
                {
                    found = Contains(tree.GetText(cancellationToken), words, cancellationToken);
                    answers.TryAdd(words, found);
                }

                if (found)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>One pass over the text: at each character that starts one of the words, compare those words.</summary>
        [MethodImpl(Flow.CodeTier.Optimized)]
        private static bool Contains(SourceText text, string[] words, CancellationToken cancellationToken)
        {
            var longest = 0;
            foreach (var word in words)
            {
                longest = System.Math.Max(longest, word.Length);
            }

            // Chunks that overlap by the longest word, so a word across a chunk boundary is still seen whole.
            var buffer = new char[ChunkLength + longest];
            for (var start = 0; start < text.Length; start += ChunkLength)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = System.Math.Min(buffer.Length, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                for (var i = 0; i < count; i++)
                {
                    var c = buffer[i];
                    if (c < 'A' || c > 'Z')
                    {
                        // Every word starts with a capital letter (they are member and type names).
                        continue;
                    }

                    foreach (var word in words)
                    {
                        if (word[0] == c && StartsAt(buffer, i, count, word))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static bool StartsAt(char[] buffer, int index, int count, string word)
        {
            if (index + word.Length > count)
            {
                return false;
            }

            for (var j = 1; j < word.Length; j++)
            {
                if (buffer[index + j] != word[j])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
