using System.Linq;
using AiSecure.Analyzers.Rules;
using Microsoft.CodeAnalysis;

namespace AiSecure.Analyzers.Tests.Flow
{
    /// <summary>
    /// The cross-method module (parameter-to-sink and return summaries) through AISEC001 and AISEC003, and which
    /// descriptor each kind of finding uses: in-method findings come from the per-method action with a descriptor the
    /// editor shows live; findings that need other methods use the one tagged CompilationEnd.
    /// </summary>
    public class CrossMethodFlowTests
    {
        private static bool IsCompilationEnd(Diagnostic diagnostic) => diagnostic.Descriptor.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd);

        [Fact]
        public async Task PromptHelpersAcrossMethodsLocalFunctionsAndLambdas()
        {
            var diagnostics = await FlowHost.AnalyzeAsync(new PromptInjectionAnalyzer(), """
                using System;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                static class Prompts
                {
                    public static string Question(string question) => $"Answer in one paragraph: {question}";

                    public static string Fixed(string question) => "Answer in one paragraph.";
                }

                [ApiController]
                public class AskController(ChatClient client) : ControllerBase
                {
                    [HttpPost("ask")]
                    public string Ask(string question)
                    {
                        client.CompleteChat(new UserChatMessage(Prompts.Question(question)));
                        client.CompleteChat(new UserChatMessage(Prompts.Fixed(question)));
                        string Local(string q) => "Be brief. " + q;
                        client.CompleteChat(new UserChatMessage(Local(question)));
                        Func<string, string> lambda = q => $"<question>{q}</question>";
                        client.CompleteChat(new UserChatMessage(lambda(question)));
                        Send("Summarize: " + question);
                        return "";
                    }

                    private void Send(string prompt) => client.CompleteChat(new UserChatMessage(prompt));
                }
                """);

            var findings = diagnostics.Where(d => d.Id == "AISEC001").OrderBy(d => d.Location.SourceSpan.Start).ToList();
            Assert.Equal(4, findings.Count);

            // Prompts.Question(question): a helper's return value, known at the end of the compilation.
            Assert.Equal("Prompts.Question(question)", findings[0].Location.SourceTree!.GetText().ToString(findings[0].Location.SourceSpan));
            Assert.True(IsCompilationEnd(findings[0]));

            // The local function and the lambda are followed inside the method: live findings.
            Assert.Equal("Local(question)", findings[1].Location.SourceTree!.GetText().ToString(findings[1].Location.SourceSpan));
            Assert.False(IsCompilationEnd(findings[1]));
            Assert.Equal("lambda(question)", findings[2].Location.SourceTree!.GetText().ToString(findings[2].Location.SourceSpan));
            Assert.False(IsCompilationEnd(findings[2]));

            // A helper's parameter that the action fills: reported at the sink in the helper, naming the caller.
            Assert.Equal("prompt", findings[3].Location.SourceTree!.GetText().ToString(findings[3].Location.SourceSpan));
            Assert.True(IsCompilationEnd(findings[3]));
            Assert.Contains("passed by 'AskController.Ask'", findings[3].GetMessage());
        }

        [Fact]
        public async Task InMethodPromptFindingsUseTheLiveDescriptor()
        {
            var diagnostics = await FlowHost.AnalyzeAsync(new PromptInjectionAnalyzer(), """
                using System;
                using OpenAI.Chat;

                class Cli
                {
                    public void Run(ChatClient client)
                    {
                        var question = Console.ReadLine();
                        client.CompleteChat(new SystemChatMessage("You answer: " + question), new UserChatMessage("Q: " + question));
                    }
                }
                """);
            Assert.Equal(new[] { "AISEC001", "AISEC002" }, diagnostics.Select(d => d.Id).OrderBy(i => i));
            Assert.All(diagnostics, d => Assert.False(IsCompilationEnd(d)));
        }

        [Fact]
        public async Task ModelOutputAcrossMethodsUsesTheCompilationEndDescriptor()
        {
            var diagnostics = await FlowHost.AnalyzeAsync(new ModelOutputAnalyzer(), """
                using System.Diagnostics;
                using System.Threading.Tasks;
                using Microsoft.Extensions.AI;

                public sealed class Planner(IChatClient chat)
                {
                    public async Task<string> PlanAsync(string goal) => (await chat.GetResponseAsync(goal)).Text;

                    public async Task RunAsync(string goal)
                    {
                        var response = await chat.GetResponseAsync(goal);
                        Process.Start(response.Text);
                        Process.Start(await PlanAsync(goal));
                        Execute(response.Text);
                        string Wrap(string command) => "-c " + command;
                        Process.Start("sh", Wrap(response.Text));
                    }

                    private static void Execute(string command) => Process.Start("sh", command);
                }
                """);
            var findings = diagnostics.Where(d => d.Id == "AISEC003").OrderBy(d => d.Location.SourceSpan.Start).ToList();
            string Text(Diagnostic d) => d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);
            Assert.Equal(new[] { "response.Text", "await PlanAsync(goal)", "Wrap(response.Text)", "command" }, findings.Select(Text));
            Assert.Equal(new[] { false, true, false, true }, findings.Select(IsCompilationEnd));
            Assert.Equal("Model output from 'ChatResponse.Text' (passed by Planner.RunAsync) reaches a process (Process.Start) unvalidated; map it to an allow-list of commands and arguments", findings[3].GetMessage());
        }

        [Fact]
        public async Task KindSpecificSanitizersClearOnlyTheirKindAcrossMethods()
        {
            var diagnostics = await FlowHost.AnalyzeAsync(new ModelOutputAnalyzer(), """
                using System.Diagnostics;
                using System.Net;
                using Microsoft.AspNetCore.Html;
                using Microsoft.Extensions.AI;

                public sealed class Renderer
                {
                    public IHtmlContent Render(ChatResponse response)
                    {
                        Process.Start(Encoded(response.Text));
                        return new HtmlString(Encoded(response.Text));
                    }

                    private static string Encoded(string text) => WebUtility.HtmlEncode(text);
                }
                """);
            var finding = Assert.Single(diagnostics, d => d.Id == "AISEC003");
            Assert.Equal("Encoded(response.Text)", finding.Location.SourceTree!.GetText().ToString(finding.Location.SourceSpan));
            Assert.Contains("Process.Start", finding.GetMessage());
        }
    }
}
