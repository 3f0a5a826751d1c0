using AiSecure.Analyzers.Tests.References;
using Microsoft.CodeAnalysis.Testing;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.PromptInjectionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.PromptInjectionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC001 / AISEC002: untrusted input in LLM prompts and system instructions.</summary>
    public class PromptInjectionTests
    {
        [Fact]
        public Task OpenAIControllerActionComposedUserMessage()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using OpenAI.Chat;

                [ApiController]
                [Route("api/summaries")]
                public class SummaryController : ControllerBase
                {
                    private readonly ChatClient _chat;

                    public SummaryController(ChatClient chat) => _chat = chat;

                    [HttpPost]
                    public async Task<IActionResult> Summarize(string topic)
                    {
                        var completion = await _chat.CompleteChatAsync(
                            new SystemChatMessage("You summarize articles."),
                            new UserChatMessage({|AISEC001:$"Summarize the latest news about {topic} in three sentences."|}));
                        return Ok(completion.Value.Content[0].Text);
                    }
                }
                """, ReferenceCatalog.Llm);
    }
}
