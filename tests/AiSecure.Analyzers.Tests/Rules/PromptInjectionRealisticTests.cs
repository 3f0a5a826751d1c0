using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.PromptInjectionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.PromptInjectionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>AISEC001 / AISEC002 on service-shaped code: what is found, and what must stay silent.</summary>
    public class PromptInjectionRealisticTests
    {
        [Fact]
        public Task RagServiceBehindAController()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Net.Http;
                using System.Text;
                using System.Text.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Logging;
                using Microsoft.Extensions.Options;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;

                namespace Contoso.Assistant;

                public sealed class AssistantOptions
                {
                    public string SystemPrompt { get; set; } = "You are helpful.";
                    public int MaxTurns { get; set; } = 10;
                }

                public sealed record AskRequest(string Question, string? ConversationId, string Language = "en");
                public sealed record Document(string Id, string Title, string Content);

                public interface IDocumentStore
                {
                    Task<IReadOnlyList<Document>> SearchAsync(string query, int top, CancellationToken ct);
                }

                public sealed class ConversationStore
                {
                    private readonly Dictionary<string, ChatHistory> _histories = new();
                    public ChatHistory Get(string id) => _histories.TryGetValue(id, out var h) ? h : _histories[id] = new ChatHistory();
                }

                public sealed class RagService
                {
                    private readonly IChatClient _chat;
                    private readonly IDocumentStore _store;
                    private readonly AssistantOptions _options;
                    private readonly ILogger<RagService> _logger;

                    public RagService(IChatClient chat, IDocumentStore store, IOptions<AssistantOptions> options, ILogger<RagService> logger)
                    {
                        _chat = chat;
                        _store = store;
                        _options = options.Value;
                        _logger = logger;
                    }

                    public async Task<string> AnswerAsync(string question, string language, CancellationToken ct)
                    {
                        _logger.LogInformation("Answering {Question}", question);
                        var docs = await _store.SearchAsync(question, 5, ct);
                        var context = string.Join("\n\n", docs.Select(d => $"# {d.Title}\n{d.Content}"));
                        var messages = new List<ChatMessage>
                        {
                            new(ChatRole.System, _options.SystemPrompt),
                            new(ChatRole.System, {|AISEC002:$"Answer in {language}. Use only these sources:\n{context}"|}),
                            new(ChatRole.User, question),
                        };
                        var response = await _chat.GetResponseAsync(messages, new ChatOptions { Temperature = 0.2f }, ct);
                        return response.Text;
                    }
                }

                [ApiController]
                [Route("api/[controller]")]
                public sealed class AskController : ControllerBase
                {
                    private readonly RagService _rag;
                    private readonly ConversationStore _conversations;
                    private readonly IChatCompletionService _completion;
                    private readonly Kernel _kernel;

                    public AskController(RagService rag, ConversationStore conversations, IChatCompletionService completion, Kernel kernel)
                    {
                        _rag = rag;
                        _conversations = conversations;
                        _completion = completion;
                        _kernel = kernel;
                    }

                    [HttpPost]
                    public async Task<IActionResult> Ask([FromBody] AskRequest request, CancellationToken ct)
                    {
                        if (string.IsNullOrWhiteSpace(request.Question))
                        {
                            return BadRequest();
                        }

                        var answer = await _rag.AnswerAsync(request.Question, request.Language, ct);
                        return Ok(new { answer });
                    }

                    [HttpPost("chat/{id}")]
                    public async Task<IActionResult> Chat(string id, [FromBody] AskRequest request, CancellationToken ct)
                    {
                        var history = _conversations.Get(id);
                        if (history.Count == 0)
                        {
                            history.AddSystemMessage("You are the Contoso assistant.");
                        }

                        history.AddUserMessage(request.Question);
                        var reply = await _completion.GetChatMessageContentAsync(history, cancellationToken: ct);
                        history.AddAssistantMessage(reply.Content ?? string.Empty);
                        return Ok(reply.Content);
                    }

                    [HttpPost("classify")]
                    public async Task<IActionResult> Classify([FromBody] AskRequest request)
                    {
                        var arguments = new KernelArguments { ["input"] = request.Question };
                        var result = await _kernel.InvokePromptAsync("Classify the sentiment of: {{$input}}", arguments);
                        return Ok(result.GetValue<string>());
                    }

                    [HttpPost("upload")]
                    public async Task<IActionResult> Upload(IFormFile file, CancellationToken ct)
                    {
                        using var reader = new StreamReader(file.OpenReadStream());
                        var text = await reader.ReadToEndAsync(ct);
                        var history = new ChatHistory("You summarize documents.");
                        history.AddUserMessage(text);
                        var reply = await _completion.GetChatMessageContentAsync(history, cancellationToken: ct);
                        return Ok(reply.Content);
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task WorkerAndConsoleTools()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Threading.Tasks;
                using OpenAI.Chat;

                namespace Contoso.Tools;

                public enum ReportKind { Daily, Weekly }

                public sealed class Ticket
                {
                    public int Id { get; set; }
                    public string Subject { get; set; } = string.Empty;
                    public string Body { get; set; } = string.Empty;
                }

                public sealed class TicketRepository
                {
                    public Task<List<Ticket>> OpenTicketsAsync() => Task.FromResult(new List<Ticket>());
                }

                public sealed class ReportWriter
                {
                    private readonly ChatClient _chat;
                    private readonly TicketRepository _tickets;

                    public ReportWriter(ChatClient chat, TicketRepository tickets)
                    {
                        _chat = chat;
                        _tickets = tickets;
                    }

                    public async Task<string> WriteAsync(ReportKind kind, int maxWords)
                    {
                        var tickets = await _tickets.OpenTicketsAsync();
                        var lines = tickets.Select(t => $"#{t.Id}: {t.Subject}");
                        ChatCompletion completion = await _chat.CompleteChatAsync(
                            new SystemChatMessage($"Write a {kind} report of at most {maxWords} words."),
                            new UserChatMessage(string.Join(Environment.NewLine, lines)));
                        return completion.Content[0].Text;
                    }
                }

                public static class Program
                {
                    public static async Task Main(string[] args)
                    {
                        var chat = new ChatClient("gpt-4o-mini", Environment.GetEnvironmentVariable("OPENAI_API_KEY")!);
                        var path = args.Length > 0 ? args[0] : "notes.txt";
                        var notes = await File.ReadAllTextAsync(path);
                        ChatCompletion summary = await chat.CompleteChatAsync(
                            new SystemChatMessage("You summarize meeting notes for " + args[0]),
                            new UserChatMessage({|AISEC001:"Summarize these notes:\n" + notes|}));
                        Console.WriteLine(summary.Content[0].Text);

                        Console.Write("Ask a question: ");
                        var question = Console.ReadLine();
                        if (string.IsNullOrWhiteSpace(question))
                        {
                            return;
                        }

                        ChatCompletion answer = await chat.CompleteChatAsync(new SystemChatMessage("Answer questions about the notes."), new UserChatMessage(notes), new UserChatMessage(question));
                        Console.WriteLine(answer.Content[0].Text);
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task FunctionTriggerAndCleanPersonalization()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Security.Claims;
                using System.Threading.Tasks;
                using Anthropic;
                using Anthropic.Models.Messages;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Options;

                namespace Contoso.Functions;

                public sealed class ClaudeOptions
                {
                    public string Model { get; set; } = "claude-sonnet-4-5";
                    public string Persona { get; set; } = "a contracts reviewer";
                }

                public sealed class Contract
                {
                    public string Title { get; set; } = string.Empty;
                    public string Jurisdiction { get; set; } = string.Empty;
                }

                public sealed class ContractReview
                {
                    private readonly AnthropicClient _client;
                    private readonly ClaudeOptions _options;

                    public ContractReview(AnthropicClient client, IOptions<ClaudeOptions> options)
                    {
                        _client = client;
                        _options = options.Value;
                    }

                    // Azure Functions style: the trigger hands over the raw request.
                    public async Task<IActionResult> Run(HttpRequest req)
                    {
                        using var reader = new StreamReader(req.Body);
                        var clause = await reader.ReadToEndAsync();
                        var focus = req.Query["focus"].ToString();
                        var parameters = new MessageCreateParams
                        {
                            Model = _options.Model,
                            MaxTokens = 800,
                            System = {|AISEC002:$"You are {_options.Persona}. Focus on {focus}."|},
                            Messages = [new UserMessageParam { Content = clause }],
                        };
                        var message = await _client.Messages.Create(parameters);
                        return new OkObjectResult(message.ToString());
                    }

                    public async Task<string> ReviewStored(Contract contract, ClaimsPrincipal user, IEnumerable<string> clauses)
                    {
                        var reviewer = user.Identity?.Name ?? "colleague";
                        var parameters = new MessageCreateParams
                        {
                            Model = _options.Model,
                            MaxTokens = 800,
                            System = $"You are {_options.Persona} reviewing '{contract.Title}' under {contract.Jurisdiction} law for {reviewer}.",
                            Messages = clauses.Select(c => (MessageParam)new UserMessageParam { Content = "Clause: " + c }).ToList(),
                        };
                        var message = await _client.Messages.Create(parameters);
                        return message.ToString();
                    }
                }
                """, ReferenceCatalog.Llm);
    }
}
