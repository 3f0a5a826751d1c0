using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.PromptInjectionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.PromptInjectionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// AISEC001 / AISEC002 on the shapes a maintained ASP.NET Core or worker service uses: async helpers behind injected
    /// services, records and primary constructors, collection expressions, builders and templates, validators in
    /// branches; each positive beside its safe twin.
    /// </summary>
    public class RealisticServiceFlowTests
    {
        [Fact]
        public Task AsyncHelpersBehindInjectedServices()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Support;

                public sealed record ChatRequest(string Message, string? SystemHint);

                public interface IPromptBuilder
                {
                    Task<string> BuildAsync(string question, CancellationToken cancellationToken);
                    ValueTask<string> BuildFixedAsync(string question);
                }

                public sealed class PromptBuilder : IPromptBuilder
                {
                    public async Task<string> BuildAsync(string question, CancellationToken cancellationToken)
                    {
                        await Task.Delay(1, cancellationToken);
                        return $"Answer the customer question below.\n---\n{question}";
                    }

                    public ValueTask<string> BuildFixedAsync(string question) => ValueTask.FromResult("Answer the customer's last question.");
                }

                public static class PromptExtensions
                {
                    public static string AsQuotedQuestion(this string question) => "Question: \"" + question + "\"";
                    public static string AsLength(this string question) => $"The question has {question.Length} characters.";
                }

                [ApiController]
                [Route("api/support")]
                public sealed class SupportController(IChatClient chat, IPromptBuilder prompts) : ControllerBase
                {
                    private readonly IPromptBuilder _prompts = prompts;

                    [HttpPost("ask")]
                    public async Task<IActionResult> Ask([FromBody] ChatRequest request, CancellationToken cancellationToken)
                    {
                        var prompt = await _prompts.BuildAsync(request.Message, cancellationToken);
                        var response = await chat.GetResponseAsync({|AISEC001:prompt|}, cancellationToken: cancellationToken);
                        var fixedPrompt = await _prompts.BuildFixedAsync(request.Message);
                        var again = await chat.GetResponseAsync(fixedPrompt, cancellationToken: cancellationToken);
                        return Ok(response.Text + again.Text);
                    }

                    [HttpPost("quote")]
                    public async Task<string> Quote([FromBody] ChatRequest request)
                    {
                        var first = await chat.GetResponseAsync({|AISEC001:request.Message.AsQuotedQuestion()|});
                        var second = await chat.GetResponseAsync(request.Message.AsLength());
                        return first.Text + second.Text;
                    }

                    [HttpPost("local")]
                    public async Task<string> Local([FromBody] ChatRequest request)
                    {
                        static string Frame(string text) => $"<user>{text}</user>";
                        static string Fixed(string text) => "<user>(redacted)</user>";
                        var first = await chat.GetResponseAsync({|AISEC001:Frame(request.Message)|});
                        var second = await chat.GetResponseAsync(Fixed(request.Message));
                        return first.Text + second.Text;
                    }

                    [HttpPost("system")]
                    public async Task<string> WithHint([FromBody] ChatRequest request)
                    {
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, {|AISEC002:request.SystemHint ?? "You are a support agent."|}),
                            new ChatMessage(ChatRole.User, request.Message),
                        ]);
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task ExpressionBodiedMembersAndPrimaryConstructors()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Briefs;

                public sealed class BriefPrompt(string topic, string audience)
                {
                    public string Text => $"Write a brief about {topic} for {audience}.";
                    public string Fixed => "Write a brief.";
                }

                public sealed record Brief(string Topic)
                {
                    public string Prompt => "Summarize the topic " + Topic;
                }

                public sealed class BriefQuery
                {
                    [FromQuery] public required string Topic { get; init; }
                    [FromHeader(Name = "X-Audience")] public string Audience { get; init; } = "engineers";
                    public int Length { get; init; }
                }

                public static class BriefEndpoints
                {
                    public static void MapBriefs(this WebApplication app)
                    {
                        app.MapGet("/briefs", async ([AsParameters] BriefQuery query, IChatClient chat) =>
                        {
                            var prompt = new BriefPrompt(query.Topic, query.Audience);
                            var response = await chat.GetResponseAsync({|AISEC001:prompt.Text|});
                            var fixedOne = await chat.GetResponseAsync(prompt.Fixed);
                            var record = new Brief(query.Topic);
                            var second = await chat.GetResponseAsync({|AISEC001:record.Prompt|});
                            var third = await chat.GetResponseAsync($"Write {query.Length} words about dotnet.");
                            return Results.Ok(response.Text + fixedOne.Text + second.Text + third.Text);
                        });
                    }
                }
                """, ReferenceCatalog.Llm);
    }
}
