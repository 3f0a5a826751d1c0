using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using AiSecure.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>AISEC020: rewrites <c>http://</c> to <c>https://</c> where the URL is written, or <c>UseHttp = true</c> to <c>false</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CleartextEndpointFixer)), Shared]
    public sealed class CleartextEndpointFixer : CodeFixProvider
    {
        /// <summary>One key for both variants, so Fix All moves every endpoint of a scope to TLS at once.</summary>
        public const string EquivalenceKey = "AISEC020.UseTls";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CleartextEndpoint);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (diagnostic.AdditionalLocations.Count == 0
                    || !diagnostic.Properties.TryGetValue(CleartextEndpointAnalyzer.ReplacementProperty, out var replacement)
                    || replacement == null)
                {
                    continue;
                }

                var target = diagnostic.AdditionalLocations[0];
                var document = context.Document.Project.Solution.GetDocument(target.SourceTree);
                if (document == null)
                {
                    continue;
                }

                var https = replacement == CleartextEndpointAnalyzer.HttpsReplacement;
                var title = https ? "Use https://" : "Set UseHttp to false";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ReplaceAsync(document, target.SourceSpan, replacement, ct), EquivalenceKey),
                    diagnostic);
            }

            return Task.CompletedTask;
        }

        private static async Task<Solution> ReplaceAsync(Document document, TextSpan span, string replacement, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var current = text.ToString(span);
            var expected = replacement == CleartextEndpointAnalyzer.HttpsReplacement ? "http://" : "true";
            if (!string.Equals(current, expected, StringComparison.OrdinalIgnoreCase))
            {
                return document.Project.Solution;
            }

            var fixedText = text.WithChanges(new TextChange(span, replacement));
            return document.WithText(fixedText).Project.Solution;
        }
    }
}
