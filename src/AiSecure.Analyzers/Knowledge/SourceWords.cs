using System;
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
    /// One pass over each file finds every word of every gate (<see cref="All"/>), and its answer is kept while the
    /// tree lives (an IDE reuses unchanged trees across compilations): each text is read once, whichever rule asks
    /// first. The search is ordinal and may find a word in a comment or a longer name: a false "yes" only costs the
    /// analysis the gate saves.
    /// </remarks>
    internal static class SourceWords
    {
        /// <summary>
        /// AISEC020 (docs/rules/AISEC020.md): words one of which the source must contain to reach an endpoint sink: the
        /// assigned properties' names; for calls, the HttpClient methods' names (and its name, for extension methods
        /// declared in the project), WebRequest, Semantic Kernel's namespace; for creations, the client types' names (a
        /// target-typed <c>new(…)</c> takes its type from a declaration or a call that names it).
        /// </summary>
        public static readonly string[] EndpointSinks =
        {
            "ServiceURL", "UseHttp", "Endpoint", "BaseAddress", "RequestUri", "BaseUrl",
            "HttpClient", "GetAsync", "GetByteArrayAsync", "GetStreamAsync", "GetStringAsync", "GetFromJson", "PostAs", "PutAs", "PatchAs", "DeleteAsync", "DeleteFromJson", "Send",
            "WebRequest", "SemanticKernel", "AzureOpenAIClient", "HttpRequestMessage", "OllamaApiClient", "OpenAIClientOptions", "AnthropicClient",
        };

        /// <summary>
        /// AISEC021 (docs/rules/AISEC021.md): the certificate callback properties' names, one of which an assignment spells
        /// out, and <c>SslStream</c>, whose constructor takes the callback.
        /// </summary>
        public static readonly string[] CertificateCallbacks = { "ServerCertificateCustomValidationCallback", "RemoteCertificateValidationCallback", "ServerCertificateValidationCallback", "SslStream" };

        /// <summary>Every gate's words (ASCII names), at most 64: a file's answer is one bit per word.</summary>
        private static readonly string[] All = Concat(EndpointSinks, CertificateCallbacks);

        /// <summary>The indexes in <see cref="All"/> of the words that start with each ASCII character.</summary>
        private static readonly int[]?[] ByFirstCharacter = IndexByFirstCharacter(All);


        private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<ulong>> Found = new();

        /// <summary>
        /// True when some syntax tree of <paramref name="compilation"/> contains one of <paramref name="words"/> (words of
        /// the gates above).
        /// </summary>
        public static bool AnyIn(Compilation compilation, string[] words, CancellationToken cancellationToken)
        {
            var wanted = MaskOf(words);
            char[]? buffer = null;
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!Found.TryGetValue(tree, out var found))
                {
                    // Two rules may read the same new file at once: both get the same answer, and one is kept.
                    buffer ??= new char[ChunkLength + Longest];
                    found = Found.GetValue(tree, _ => new StrongBox<ulong>(Scan(tree.GetText(cancellationToken), buffer, cancellationToken)));
                }

                if ((found.Value & wanted) != 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The characters copied out of a text at once: small enough to stay out of the large-object heap.</summary>
        private const int ChunkLength = 8 * 1024;

        /// <summary>The longest word: chunks overlap by it, so a word across a chunk boundary is still seen whole.</summary>
        private static readonly int Longest = LongestLength(All);

        /// <summary>
        /// One pass over the text, copied chunk by chunk into one buffer (reused for every file of the compilation): at
        /// each character that starts a word, compare only the words that start with it. Reading the text character by
        /// character through its indexer costs a virtual call per character, and for a large file (one the compiler
        /// holds in chunks) a search for the chunk: three to five times the pass over a copy, measured over
        /// Newtonsoft.Json's sources. Measured in a compiler process, other alternatives cost more than the pass: the
        /// first <see cref="SourceText.ToString()"/> of a large file (tens of milliseconds of code generation) and the
        /// runtime's vectorized string search (the same, at its first use).
        /// </summary>
        [MethodImpl(Flow.CodeTier.Optimized)]
        private static ulong Scan(SourceText text, char[] buffer, CancellationToken cancellationToken)
        {
            var everything = All.Length == 64 ? ulong.MaxValue : (1UL << All.Length) - 1;
            var found = 0UL;
            var length = text.Length;
            for (var start = 0; start < length && found != everything; start += ChunkLength)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = Math.Min(buffer.Length, length - start);
                text.CopyTo(start, buffer, 0, count);

                // A word that starts in the overlap is found with the next chunk.
                var starts = Math.Min(ChunkLength, count);
                for (var i = 0; i < starts; i++)
                {
                    var c = buffer[i];
                    if (c >= ByFirstCharacter.Length || ByFirstCharacter[c] is not { } candidates)
                    {
                        continue;
                    }

                    foreach (var index in candidates)
                    {
                        if (StartsAt(buffer, i, count, All[index]))
                        {
                            found |= 1UL << index;
                        }
                    }
                }
            }

            return found;
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

        private static int LongestLength(string[] words)
        {
            var longest = 0;
            foreach (var word in words)
            {
                longest = Math.Max(longest, word.Length);
            }

            return longest;
        }

        private static ulong MaskOf(string[] words)
        {
            var mask = 0UL;
            foreach (var word in words)
            {
                var index = Array.IndexOf(All, word);
                if (index < 0)
                {
                    throw new ArgumentException($"'{word}' is not a word of a source gate (SourceWords.All).", nameof(words));
                }

                mask |= 1UL << index;
            }

            return mask;
        }

        private static string[] Concat(params string[][] sets)
        {
            var all = new string[0];
            foreach (var set in sets)
            {
                foreach (var word in set)
                {
                    if (Array.IndexOf(all, word) < 0)
                    {
                        Array.Resize(ref all, all.Length + 1);
                        all[all.Length - 1] = word;
                    }
                }
            }

            if (all.Length > 64)
            {
                throw new InvalidOperationException("A file's answer holds 64 words at most.");
            }

            return all;
        }

        private static int[]?[] IndexByFirstCharacter(string[] words)
        {
            var table = new int[]?[128];
            for (var index = 0; index < words.Length; index++)
            {
                var first = words[index][0];
                var list = table[first];
                Array.Resize(ref list, (list?.Length ?? 0) + 1);
                list[list.Length - 1] = index;
                table[first] = list;
            }

            return table;
        }
    }
}
