using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiSecure.Analyzers.CodeFixes.Rules;
using AiSecure.Analyzers.Rules;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// The fix of AISEC020 in configuration files, on a workspace with the JSON file as an additional document: the testing
    /// library applies fixes to source documents only, so this drives the fixer as an IDE does (CodeFixContext over the
    /// additional document, then ApplyChangesOperation).
    /// </summary>
    public partial class CleartextEndpointConfigurationTests
    {
        private const string EndpointCode = """
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.Configuration;

            class Clients
            {
                public HttpClient A(IConfiguration configuration) => new HttpClient { BaseAddress = new Uri(configuration["Llm:Url"]!) };

                public HttpClient B(IConfiguration configuration) => new HttpClient { BaseAddress = new Uri(configuration["Rerank:Url"]!) };
            }
            """;

        [Fact]
        public async Task FixRewritesTheSchemeInTheJsonValue()
        {
            var (project, documents) = CreateProject(("appsettings.json", """
                {
                  // the model gateway
                  "Llm": { "Url": "http://llm.contoso.example/v1", "Note": "http://docs.contoso.example" },
                  "Rerank": { "Url": "HTTP://rerank.contoso.example" },
                }
                """));
            var diagnostics = await AnalyzeProjectAsync(project);
            Assert.Equal(2, diagnostics.Length);

            var first = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).First();
            var solution = await ApplyFixAsync(project.Solution.GetAdditionalDocument(documents[0])!, first);
            var fixedText = (await solution.GetAdditionalDocument(documents[0])!.GetTextAsync()).ToString();
            Assert.Equal("""
                {
                  // the model gateway
                  "Llm": { "Url": "https://llm.contoso.example/v1", "Note": "http://docs.contoso.example" },
                  "Rerank": { "Url": "HTTP://rerank.contoso.example" },
                }
                """, fixedText);

            // The fixed value is no longer reported; the other one still is.
            var after = await AnalyzeProjectAsync(solution.GetProject(project.Id)!);
            Assert.Single(after);
        }

        [Fact]
        public async Task FixAllRewritesEveryFileOfTheProject()
        {
            var (project, documents) = CreateProject(
                ("appsettings.json", """{ "Llm": { "Url": "http://llm.contoso.example/v1" }, "Rerank": { "Url": " http://rerank.contoso.example" } }"""),
                ("appsettings.Production.json", """{ "Llm": { "Url": "http://llm-prod.contoso.example/v1" } }"""),
                ("appsettings.Development.json", """{ "Llm": { "Url": "http://localhost:8080" } }"""));
            var diagnostics = await AnalyzeProjectAsync(project);
            Assert.Equal(3, diagnostics.Length);

            var fixer = new CleartextEndpointConfigurationFixer();
            var fixAll = fixer.GetFixAllProvider();
            Assert.Contains(FixAllScope.Project, fixAll.GetSupportedFixAllScopes());
            var context = new FixAllContext(
                project, fixer, FixAllScope.Project, CleartextEndpointConfigurationFixer.EquivalenceKey, new[] { DiagnosticIds.CleartextEndpoint },
                new FixedDiagnostics(diagnostics), CancellationToken.None);
            var action = await fixAll.GetFixAsync(context);
            Assert.NotNull(action);
            var solution = await ApplyAsync(action!);

            Assert.Equal("""{ "Llm": { "Url": "https://llm.contoso.example/v1" }, "Rerank": { "Url": " https://rerank.contoso.example" } }""", (await solution.GetAdditionalDocument(documents[0])!.GetTextAsync()).ToString());
            Assert.Equal("""{ "Llm": { "Url": "https://llm-prod.contoso.example/v1" } }""", (await solution.GetAdditionalDocument(documents[1])!.GetTextAsync()).ToString());
            Assert.Equal("""{ "Llm": { "Url": "http://localhost:8080" } }""", (await solution.GetAdditionalDocument(documents[2])!.GetTextAsync()).ToString());
            Assert.Empty(await AnalyzeProjectAsync(solution.GetProject(project.Id)!));
        }

        [Fact]
        public async Task FixIsNotOfferedWhereTheSchemeIsEscaped()
        {
            var (project, documents) = CreateProject(("appsettings.json", """{ "Llm": { "Url": "http:\/\/llm.contoso.example/v1" } }"""));
            var diagnostic = Assert.Single(await AnalyzeProjectAsync(project));
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(project.Solution.GetAdditionalDocument(documents[0])!, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
            await new CleartextEndpointConfigurationFixer().RegisterCodeFixesAsync(context);
            Assert.Empty(actions);
        }

        private static (Project Project, DocumentId[] Documents) CreateProject(params (string Name, string Text)[] files)
        {
            var workspace = new AdhocWorkspace();
            var projectId = ProjectId.CreateNewId();
            var solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(projectId, VersionStamp.Default, "Service", "Service", LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                    parseOptions: new CSharpParseOptions(LanguageVersion.Latest)))
                .AddMetadataReferences(projectId, ReferenceCatalog.All.References)
                .AddDocument(DocumentId.CreateNewId(projectId), "Clients.cs", EndpointCode, filePath: "/src/Service/Clients.cs");
            var ids = new List<DocumentId>();
            foreach (var (name, text) in files)
            {
                var id = DocumentId.CreateNewId(projectId);
                solution = solution.AddAdditionalDocument(DocumentInfo.Create(id, name, loader: TextLoader.From(TextAndVersion.Create(SourceText.From(text), VersionStamp.Default)), filePath: "/src/Service/" + name));
                ids.Add(id);
            }

            return (solution.GetProject(projectId)!, ids.ToArray());
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeProjectAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            var analyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new CleartextEndpointAnalyzer()), project.AnalyzerOptions);
            var diagnostics = await analyzers.GetAnalyzerDiagnosticsAsync();
            return diagnostics.Where(d => d.Location.Kind == LocationKind.ExternalFile).ToImmutableArray();
        }

        private static async Task<Solution> ApplyFixAsync(TextDocument document, Diagnostic diagnostic)
        {
            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None);
            await new CleartextEndpointConfigurationFixer().RegisterCodeFixesAsync(context);
            var action = Assert.Single(actions);
            Assert.Equal(CleartextEndpointConfigurationFixer.EquivalenceKey, action.EquivalenceKey);
            return await ApplyAsync(action);
        }

        private static async Task<Solution> ApplyAsync(CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        }

        private sealed class FixedDiagnostics(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
        {
            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
                => Task.FromResult(Enumerable.Empty<Diagnostic>());

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);
        }
    }
}
