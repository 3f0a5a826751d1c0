using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AiSecure.Analyzers.CodeFixes.Rules;
using AiSecure.Analyzers.Rules;
using AiSecure.Analyzers.Tests.MetaTests;
using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.PromptInjectionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.PromptInjectionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// AISEC001 / AISEC002: the order of the code actions. The first is the light bulb's first item and the one
    /// <c>dotnet format</c> applies, so it is the fix the message recommends (docs/rules/AISEC002.md).
    /// </summary>
    public class PromptInjectionFixOrderTests
    {
        private const string Move = "Move the untrusted input into a user message";
        private const string Sanitize = "Sanitize the untrusted input";
        private const string Template = "Use a template variable";

        [Fact]
        public async Task SystemMessageInAMessageListOffersTheMoveFirst()
        {
            var actions = await ActionsAsync("""
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                [ApiController]
                public class PersonaController : ControllerBase
                {
                    [HttpPost("persona")]
                    public List<ChatMessage> Build(string persona, string question)
                        => new List<ChatMessage> { new SystemChatMessage("You are " + persona), new UserChatMessage(question) };
                }
                """);

            Assert.Equal(new[] { "AISEC002: " + string.Join(" | ", Move, Sanitize) }, actions);
        }

        [Fact]
        public async Task SystemMessageOfAChatHistoryOffersTheMoveFirst()
        {
            var actions = await ActionsAsync("""
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class PersonaController : ControllerBase
                {
                    [HttpPost("persona")]
                    public ChatHistory Build(string persona)
                    {
                        var history = new ChatHistory();
                        history.AddSystemMessage($"You are {persona}.");
                        return history;
                    }
                }
                """);

            Assert.Equal(new[] { "AISEC002: " + string.Join(" | ", Move, Sanitize) }, actions);
        }

        [Fact]
        public async Task SystemInstructionNoUserMessageCanFollowOffersTheSanitizerOnly()
        {
            var actions = await ActionsAsync("""
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel.ChatCompletion;

                [ApiController]
                public class PersonaController : ControllerBase
                {
                    [HttpPost("persona")]
                    public ChatHistory Build(string persona) => new ChatHistory("You are " + persona);
                }
                """);

            Assert.Equal(new[] { "AISEC002: " + string.Join(" | ", Sanitize) }, actions);
        }

        [Fact]
        public async Task PromptTemplateOffersTheSanitizerFirstThenTheTemplateVariable()
        {
            var actions = await ActionsAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel;

                [ApiController]
                public class PoemController : ControllerBase
                {
                    private readonly Kernel _kernel;

                    public PoemController(Kernel kernel) => _kernel = kernel;

                    [HttpPost("poem")]
                    public Task<FunctionResult> Write(string topic) => _kernel.InvokePromptAsync($"Write a poem about {topic}.");
                }
                """);

            Assert.Equal(new[] { "AISEC001: " + string.Join(" | ", Sanitize, Template) }, actions);
        }

        [Fact]
        public void DocsPageNamesTheMoveFirst()
            => Assert.Contains($"| Fix offered first | \"{Move}\" where the system message is in a message list, array or chat history, then \"{Sanitize}\"", Repository.Read("docs", "rules", "AISEC002.md"), System.StringComparison.Ordinal);

        /// <summary>No equivalence key: the test applies the first action, as <c>dotnet format</c> and the light bulb do.</summary>
        [Fact]
        public Task FirstFixOfASystemMessageInAListMovesTheInput()
            => Verify.FixAsync("""
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                [ApiController]
                public class PersonaController : ControllerBase
                {
                    [HttpPost("persona")]
                    public List<ChatMessage> Build(string persona, string question)
                        => new List<ChatMessage> { new SystemChatMessage({|AISEC002:"You are " + persona|}), new UserChatMessage(question) };
                }
                """, """
                using System.Collections.Generic;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                [ApiController]
                public class PersonaController : ControllerBase
                {
                    [HttpPost("persona")]
                    public List<ChatMessage> Build(string persona, string question)
                        => new List<ChatMessage> { new SystemChatMessage("You are (given in the next user message)"), new UserChatMessage(persona), new UserChatMessage(question) };
                }
                """, ReferenceCatalog.Llm);

        /// <summary>Per diagnostic: its id and the titles of the code actions the fixer registers for it, in order ("id: first | second").</summary>
        private static async Task<string[]> ActionsAsync(string source)
        {
            using var workspace = new AdhocWorkspace();
            var project = workspace.AddProject("Consumer", LanguageNames.CSharp)
                .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
                .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
                .AddMetadataReferences(ReferenceCatalog.Llm.References);
            var document = project.AddDocument("Consumer.cs", source);
            var compilation = (await document.Project.GetCompilationAsync())!;
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new PromptInjectionAnalyzer())).GetAnalyzerDiagnosticsAsync();
            var fixer = new PromptInjectionFixer();
            var result = new List<string>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
            {
                var actions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                result.Add(diagnostic.Id + ": " + string.Join(" | ", actions.Select(a => a.Title)));
            }

            return result.ToArray();
        }
    }
}
