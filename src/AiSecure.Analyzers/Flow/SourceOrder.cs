using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Flow
{
    /// <summary>
    /// Source order (file path, then position): what the rules sort by wherever the order of their findings or of
    /// the callers they name must not depend on which thread analyzed what first.
    /// </summary>
    internal sealed class SourceOrder : IComparer<Location>
    {
        public static readonly SourceOrder Locations = new();

        public static int Compare(Location a, Location b)
        {
            var byFile = string.CompareOrdinal(a.SourceTree?.FilePath, b.SourceTree?.FilePath);
            return byFile != 0 ? byFile : a.SourceSpan.Start.CompareTo(b.SourceSpan.Start);
        }

        public static int Compare(SyntaxNode a, SyntaxNode b)
        {
            var byFile = string.CompareOrdinal(a.SyntaxTree.FilePath, b.SyntaxTree.FilePath);
            return byFile != 0 ? byFile : a.SpanStart.CompareTo(b.SpanStart);
        }

        int IComparer<Location>.Compare(Location? a, Location? b) => Compare(a!, b!);
    }
}
