using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiSecure.Analyzers.Knowledge;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.CodeFixes.Rules
{
    /// <summary>
    /// AISEC020 in a configuration file: rewrites the value's <c>http://</c> to <c>https://</c> in the JSON file. A fix on
    /// an additional document: IDEs that offer fixes for additional files (Visual Studio 2022 17.8+, Roslyn 4.8+) show it on
    /// the value; where they do not (the command line, editors without additional-document fixes), the diagnostic stays
    /// without a light bulb (docs/rules/AISEC020.md).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CleartextEndpointConfigurationFixer), DocumentKinds = new[] { nameof(TextDocumentKind.AdditionalDocument) }, DocumentExtensions = new[] { ".json" }), Shared]
    public sealed class CleartextEndpointConfigurationFixer : CodeFixProvider
    {
        /// <summary>One key for every configuration value, so Fix All moves a file's, project's or solution's endpoints to TLS at once.</summary>
        public const string EquivalenceKey = "AISEC020.UseTlsInConfiguration";

        private const string Title = "Use https:// in the configuration file";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CleartextEndpoint);

        public override FixAllProvider GetFixAllProvider() => ConfigurationFixAll.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = context.TextDocument;
            var text = await document.GetTextAsync(context.CancellationToken).ConfigureAwait(false);
            foreach (var diagnostic in context.Diagnostics)
            {
                if (SchemeSpan(text, diagnostic) is { } scheme)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(Title, ct => RewriteAsync(document.Project.Solution, document.Id, new[] { scheme }, ct), EquivalenceKey),
                        diagnostic);
                }
            }
        }

        /// <summary>Where <c>http://</c> starts in the reported JSON string token; null when the file no longer spells it there.</summary>
        private static TextSpan? SchemeSpan(SourceText text, Diagnostic diagnostic)
        {
            var token = diagnostic.Location.SourceSpan;
            if (diagnostic.Id != DiagnosticIds.CleartextEndpoint || token.End > text.Length || token.Length < 2 || text[token.Start] != '"')
            {
                return null;
            }

            var start = token.Start + 1;
            while (start < token.End && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            var scheme = new TextSpan(start, HttpUrls.CleartextScheme.Length);
            return scheme.End <= token.End && string.Equals(text.ToString(scheme), HttpUrls.CleartextScheme, StringComparison.OrdinalIgnoreCase)
                ? scheme
                : null;
        }

        private static async Task<Solution> RewriteAsync(Solution solution, DocumentId id, IEnumerable<TextSpan> schemes, CancellationToken cancellationToken)
        {
            if (solution.GetAdditionalDocument(id) is not { } document)
            {
                return solution;
            }

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = schemes.Distinct().Select(span => new TextChange(span, "https://"));
            return solution.WithAdditionalDocumentText(id, text.WithChanges(changes));
        }

        /// <summary>
        /// Fix All for configuration values: the built-in fixers edit source documents only, so this one groups the scope's
        /// AISEC020 findings by the additional document they are in and rewrites each file once. No document scope: a
        /// Fix All context carries no additional document to scope it to.
        /// </summary>
        private sealed class ConfigurationFixAll : FixAllProvider
        {
            public static readonly ConfigurationFixAll Instance = new();

            public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => new[] { FixAllScope.Project, FixAllScope.Solution };

            public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
            {
                if (fixAllContext.CodeActionEquivalenceKey != EquivalenceKey)
                {
                    return Task.FromResult<CodeAction?>(null);
                }

                return Task.FromResult<CodeAction?>(CodeAction.Create(Title, ct => FixAllAsync(fixAllContext, ct), EquivalenceKey));
            }

            private static async Task<Solution> FixAllAsync(FixAllContext context, CancellationToken cancellationToken)
            {
                var solution = context.Solution;
                var projects = context.Scope == FixAllScope.Solution ? solution.Projects : new[] { context.Project };
                foreach (var project in projects)
                {
                    var diagnostics = await context.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                    foreach (var file in diagnostics.Where(d => d.Id == DiagnosticIds.CleartextEndpoint && d.Location.Kind == LocationKind.ExternalFile)
                                                    .GroupBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal))
                    {
                        var document = project.AdditionalDocuments.FirstOrDefault(d => string.Equals(d.FilePath, file.Key, StringComparison.Ordinal));
                        if (document == null)
                        {
                            continue;
                        }

                        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                        var schemes = file.Select(d => SchemeSpan(text, d)).Where(s => s.HasValue).Select(s => s!.Value).ToList();
                        if (schemes.Count > 0)
                        {
                            solution = await RewriteAsync(solution, document.Id, schemes, cancellationToken).ConfigureAwait(false);
                        }
                    }
                }

                return solution;
            }
        }
    }
}
