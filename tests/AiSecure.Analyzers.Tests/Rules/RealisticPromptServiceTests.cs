using AiSecure.Analyzers.Tests.References;
using Verify = AiSecure.Analyzers.Tests.Verifiers.Verify<AiSecure.Analyzers.Rules.PromptInjectionAnalyzer, AiSecure.Analyzers.CodeFixes.Rules.PromptInjectionFixer>;

namespace AiSecure.Analyzers.Tests.Rules
{
    /// <summary>
    /// AISEC001 / AISEC002 on harder service code: interfaces and static helpers between the entry point and the sink,
    /// route groups and endpoint extension methods, Razor Pages bound models, streaming hubs, queue workers, RAG over
    /// HTTP, S3 and files, chat histories built in loops; each positive beside the safe twin a team would write.
    /// </summary>
    public class RealisticPromptServiceTests
    {
        [Fact]
        public Task ControllerInterfaceServiceAndStaticPromptBuilder()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Logging;

                namespace Contoso.Chat;

                public sealed record HistoryItem(string Role, string Text);
                public sealed record ChatRequest(string Question, string? Tone, List<HistoryItem> History);
                public sealed record ChatAnswer(string Text);

                public interface IChatService
                {
                    Task<ChatAnswer> AskAsync(ChatRequest request, CancellationToken cancellationToken = default);
                    Task<ChatAnswer> AskPlainAsync(ChatRequest request, CancellationToken cancellationToken = default);
                }

                internal static class PromptBuilder
                {
                    public static string BuildSystem(string? tone) => $"You are Contoso's assistant. Answer in a {tone ?? "neutral"} tone.";

                    public static string BuildFixedSystem(string? tone) => tone switch
                    {
                        "formal" => "You are Contoso's assistant. Answer formally.",
                        "casual" => "You are Contoso's assistant. Answer casually.",
                        _ => "You are Contoso's assistant.",
                    };

                    public static string BuildTranscript(string question, IEnumerable<HistoryItem> history)
                    {
                        var builder = new StringBuilder();
                        foreach (var item in history)
                        {
                            builder.Append(item.Role).Append(": ").AppendLine(item.Text);
                        }

                        builder.AppendLine($"user: {question}");
                        return builder.ToString();
                    }
                }

                public sealed class ChatService(IChatClient chatClient, ILogger<ChatService> logger) : IChatService
                {
                    public async Task<ChatAnswer> AskAsync(ChatRequest request, CancellationToken cancellationToken = default)
                    {
                        logger.LogInformation("Question of {Length} characters", request.Question.Length);
                        List<ChatMessage> messages =
                        [
                            new(ChatRole.System, {|AISEC002:PromptBuilder.BuildSystem(request.Tone)|}),
                            new(ChatRole.User, {|AISEC001:PromptBuilder.BuildTranscript(request.Question, request.History)|}),
                        ];
                        var response = await chatClient.GetResponseAsync(messages, cancellationToken: cancellationToken);
                        return new ChatAnswer(response.Text);
                    }

                    public async Task<ChatAnswer> AskPlainAsync(ChatRequest request, CancellationToken cancellationToken = default)
                    {
                        var messages = new List<ChatMessage> { new(ChatRole.System, PromptBuilder.BuildFixedSystem(request.Tone)) };
                        foreach (var item in request.History)
                        {
                            messages.Add(new ChatMessage(item.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, item.Text));
                        }

                        messages.Add(new ChatMessage(ChatRole.User, request.Question));
                        var response = await chatClient.GetResponseAsync(messages, cancellationToken: cancellationToken);
                        return new ChatAnswer(response.Text);
                    }
                }

                [ApiController]
                [Route("api/[controller]")]
                public sealed class ChatController(IChatService chatService) : ControllerBase
                {
                    [HttpPost]
                    public async Task<ActionResult<ChatAnswer>> Post([FromBody] ChatRequest request, CancellationToken cancellationToken)
                        => Ok(await chatService.AskAsync(request, cancellationToken));

                    [HttpPost("plain")]
                    public async Task<ActionResult<ChatAnswer>> Plain([FromBody] ChatRequest request, CancellationToken cancellationToken)
                        => Ok(await chatService.AskPlainAsync(request, cancellationToken));
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task MinimalApiRouteGroupsInAnEndpointExtension()
            => Verify.AnalyzeAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Http.HttpResults;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Routing;
                using Microsoft.Extensions.AI;

                namespace Contoso.Api;

                public sealed record AskRequest(string Question, string? Audience);
                public readonly record struct SummarizeQuery([property: FromQuery] string Text, [property: FromQuery] string Style, [property: FromQuery] int MaxWords);

                public static class ChatEndpoints
                {
                    public static IEndpointRouteBuilder MapChatEndpoints(this IEndpointRouteBuilder app)
                    {
                        var group = app.MapGroup("/api/chat").WithTags("chat");
                        group.MapPost("/ask", AskAsync).WithName("Ask");
                        group.MapGet("/summarize", SummarizeAsync);
                        group.MapPost("/plain", PlainAsync);

                        app.MapGroup("/api").MapPost("/translate", async Task<Ok<string>> ([FromBody] AskRequest request, [FromServices] IChatClient chat, CancellationToken ct) =>
                        {
                            var response = await chat.GetResponseAsync(
                            [
                                new ChatMessage(ChatRole.System, {|AISEC002:$"Translate for {request.Audience}."|}),
                                new ChatMessage(ChatRole.User, request.Question),
                            ], cancellationToken: ct);
                            return TypedResults.Ok(response.Text);
                        });

                        return app;
                    }

                    private static async Task<Ok<string>> AskAsync([FromBody] AskRequest request, IChatClient chat, CancellationToken ct)
                    {
                        var response = await chat.GetResponseAsync({|AISEC001:$"Answer briefly: {request.Question}"|}, cancellationToken: ct);
                        return TypedResults.Ok(response.Text);
                    }

                    private static async Task<Results<Ok<string>, BadRequest>> SummarizeAsync([AsParameters] SummarizeQuery query, [FromServices] IChatClient chat)
                    {
                        if (string.IsNullOrWhiteSpace(query.Text))
                        {
                            return TypedResults.BadRequest();
                        }

                        var options = new ChatOptions { Instructions = {|AISEC002:$"Summarize in a {query.Style} style, at most {query.MaxWords} words."|} };
                        var response = await chat.GetResponseAsync(query.Text, options);
                        return TypedResults.Ok(response.Text);
                    }

                    private static async Task<Ok<string>> PlainAsync([FromBody] AskRequest request, IChatClient chat, CancellationToken ct)
                    {
                        var options = new ChatOptions { Instructions = $"Answer in at most {request.Question.Length / 10 + 20} words." };
                        var response = await chat.GetResponseAsync(request.Question, options, ct);
                        return TypedResults.Ok(response.Text);
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task RazorPageBoundModelAndHandlerParameters()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.ComponentModel.DataAnnotations;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Options;

                namespace Contoso.Web.Pages;

                public sealed class AssistantSettings
                {
                    public string SystemPrompt { get; set; } = "You are helpful.";
                }

                public sealed class AskInput
                {
                    [Required] public string Question { get; set; } = "";
                    public string? Context { get; set; }
                }

                public sealed class AskModel(IChatClient chat, IOptions<AssistantSettings> settings) : PageModel
                {
                    [BindProperty] public AskInput Input { get; set; } = new();
                    [BindProperty(SupportsGet = true)] public string? Persona { get; set; }
                    public string Heading { get; set; } = "Ask us anything";
                    public string? Answer { get; private set; }

                    public void OnGet() => Heading = "Ask the Contoso assistant";

                    public async Task<IActionResult> OnPostAsync(string? tone, CancellationToken cancellationToken)
                    {
                        if (!ModelState.IsValid)
                        {
                            return Page();
                        }

                        var messages = new List<ChatMessage>
                        {
                            new(ChatRole.System, settings.Value.SystemPrompt),
                            new(ChatRole.System, {|AISEC002:$"Speak as {Persona}, in a {tone} tone."|}),
                            new(ChatRole.System, "Page: " + Heading),
                            new(ChatRole.User, Input.Question),
                            new(ChatRole.User, {|AISEC001:"Background: " + Input.Context|}),
                        };
                        var response = await chat.GetResponseAsync(messages, cancellationToken: cancellationToken);
                        Answer = response.Text;
                        return Page();
                    }
                }

                [BindProperties]
                public sealed class SummaryModel(IChatClient chat) : PageModel
                {
                    public string Text { get; set; } = "";
                    public string Style { get; set; } = "short";
                    public string? Result { get; private set; }

                    public async Task OnPostSummarizeAsync()
                    {
                        var response = await chat.GetResponseAsync({|AISEC001:$"Summarize in a {Style} style:\n{Text}"|});
                        Result = response.Text;
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task SignalRHubsIncludingStreaming()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Runtime.CompilerServices;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Extensions.AI;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;

                namespace Contoso.Realtime;

                public sealed record AskMessage(string Text, string Language);

                public interface IAssistantClient
                {
                    Task ReceiveAnswer(string text);
                }

                public sealed class AssistantHub(IChatClient chat) : Hub<IAssistantClient>
                {
                    public async IAsyncEnumerable<string> Stream(string question, string persona, [EnumeratorCancellation] CancellationToken cancellationToken)
                    {
                        List<ChatMessage> messages = [new(ChatRole.System, {|AISEC002:$"You are {persona}."|}), new(ChatRole.User, question)];
                        await foreach (var update in chat.GetStreamingResponseAsync(messages, cancellationToken: cancellationToken))
                        {
                            yield return update.Text;
                        }
                    }

                    public async IAsyncEnumerable<string> StreamPlain(string question, [EnumeratorCancellation] CancellationToken cancellationToken)
                    {
                        await foreach (var update in chat.GetStreamingResponseAsync(question, cancellationToken: cancellationToken))
                        {
                            yield return update.Text;
                        }
                    }

                    public async Task Ask(AskMessage message)
                    {
                        var response = await chat.GetResponseAsync({|AISEC001:$"Reply in {message.Language}: {message.Text}"|});
                        await Clients.Caller.ReceiveAnswer(response.Text);
                    }
                }

                public sealed class KernelHub(IChatCompletionService completion) : Hub
                {
                    public async IAsyncEnumerable<string> Chat(string text, string mood, [EnumeratorCancellation] CancellationToken cancellationToken)
                    {
                        var history = new ChatHistory("You are the Contoso assistant.");
                        history.AddSystemMessage({|AISEC002:"Mood: " + mood|});
                        history.AddUserMessage(text);
                        await foreach (var chunk in completion.GetStreamingChatMessageContentsAsync(history, cancellationToken: cancellationToken))
                        {
                            yield return chunk.Content ?? string.Empty;
                        }
                    }

                    public override Task OnConnectedAsync() => base.OnConnectedAsync();
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task SqsWorkerDeserializesIntoASystemPrompt()
            => Verify.AnalyzeAsync("""
                using System.Text.Json;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.SQS;
                using Amazon.SQS.Model;
                using Microsoft.Extensions.Hosting;
                using Microsoft.Extensions.Logging;
                using Microsoft.Extensions.Options;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;

                namespace Contoso.Triage;

                public sealed class TriageOptions
                {
                    public string QueueUrl { get; set; } = "";
                    public string SystemPrompt { get; set; } = "You triage support tickets.";
                }

                public sealed record TicketMessage(string TicketId, string Subject, string Body, string CustomerTier, int Priority);

                public sealed class TicketTriageWorker(IAmazonSQS sqs, IChatCompletionService completion, IOptions<TriageOptions> options, ILogger<TicketTriageWorker> logger) : BackgroundService
                {
                    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        var settings = options.Value;
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                            {
                                QueueUrl = settings.QueueUrl,
                                MaxNumberOfMessages = 10,
                                WaitTimeSeconds = 20,
                            }, stoppingToken);

                            foreach (var message in response.Messages ?? [])
                            {
                                var ticket = JsonSerializer.Deserialize<TicketMessage>(message.Body, JsonOptions);
                                if (ticket is null)
                                {
                                    continue;
                                }

                                await TriageAsync(ticket, stoppingToken);
                                await PrioritizeAsync(ticket, stoppingToken);
                                await sqs.DeleteMessageAsync(settings.QueueUrl, message.ReceiptHandle, stoppingToken);
                            }
                        }
                    }

                    private async Task TriageAsync(TicketMessage ticket, CancellationToken cancellationToken)
                    {
                        var history = new ChatHistory(options.Value.SystemPrompt);
                        history.AddSystemMessage({|AISEC002:$"The customer is on the {ticket.CustomerTier} plan."|});
                        history.AddUserMessage(ticket.Body);
                        history.AddUserMessage({|AISEC001:$"Subject: {ticket.Subject}\n\n{ticket.Body}"|});
                        var result = await completion.GetChatMessageContentAsync(history, cancellationToken: cancellationToken);
                        logger.LogInformation("Ticket {Id}: {Result}", ticket.TicketId, result.Content);
                    }

                    private async Task PrioritizeAsync(TicketMessage ticket, CancellationToken cancellationToken)
                    {
                        var history = new ChatHistory($"Tickets of priority {ticket.Priority} need an answer today.");
                        history.AddUserMessage(ticket.Subject);
                        var result = await completion.GetChatMessageContentAsync(history, cancellationToken: cancellationToken);
                        logger.LogInformation("Ticket {Id}: {Result}", ticket.TicketId, result.Content);
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task RagOverHttpS3AndFilesAggregatedIntoPrompts()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Rag;

                public sealed record Article(string Id, string Title, string Text, int Score);
                public sealed record SearchResult(List<Article> Items, int Total);

                public sealed class KnowledgeClient(HttpClient http)
                {
                    public async Task<Article[]> SearchAsync(string query, CancellationToken ct)
                        => await http.GetFromJsonAsync<Article[]>($"search?q={Uri.EscapeDataString(query)}", ct) ?? [];

                    public async Task<IReadOnlyList<Article>> TopAsync(CancellationToken ct)
                    {
                        using var response = await http.GetAsync("top", ct);
                        response.EnsureSuccessStatusCode();
                        var result = await response.Content.ReadFromJsonAsync<SearchResult>(ct);
                        return result?.Items ?? [];
                    }
                }

                public sealed class RagService(KnowledgeClient knowledge, IAmazonS3 s3, IChatClient chat)
                {
                    private const string Bucket = "contoso-kb";

                    public async Task<string> AnswerAsync(string question, CancellationToken ct)
                    {
                        var articles = await knowledge.SearchAsync(question, ct);
                        var context = new StringBuilder();
                        foreach (var article in articles.OrderByDescending(a => a.Score).Take(5))
                        {
                            context.AppendLine($"## {article.Title}");
                            context.AppendLine(article.Text);
                        }

                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, {|AISEC002:"Answer only from these sources:\n" + context|}),
                            new ChatMessage(ChatRole.User, question),
                        ], cancellationToken: ct);
                        return response.Text;
                    }

                    public async Task<string> DigestAsync(CancellationToken ct)
                    {
                        var top = await knowledge.TopAsync(ct);
                        var joined = string.Join("\n---\n", top.Select(d => d.Text));
                        var response = await chat.GetResponseAsync({|AISEC001:$"Write a digest of these articles:\n{joined}"|}, cancellationToken: ct);
                        return response.Text;
                    }

                    public async Task<string> FromS3Async(string key, CancellationToken ct)
                    {
                        using var obj = await s3.GetObjectAsync(Bucket, key, ct);
                        using var reader = new StreamReader(obj.ResponseStream);
                        var document = await reader.ReadToEndAsync(ct);
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, {|AISEC002:$"Reference document:\n{document}"|}),
                            new ChatMessage(ChatRole.User, "Summarize the reference document."),
                        ], cancellationToken: ct);
                        return response.Text;
                    }

                    public async Task<string> FromFilesAsync(string folder, CancellationToken ct)
                    {
                        var notes = new List<string>();
                        foreach (var path in Directory.EnumerateFiles(folder, "*.md"))
                        {
                            notes.Add(await File.ReadAllTextAsync(path, ct));
                        }

                        var response = await chat.GetResponseAsync({|AISEC001:"Summarize these notes:\n" + string.Join("\n\n", notes)|}, cancellationToken: ct);
                        return response.Text;
                    }

                    public async Task<string> WithShippedPromptAsync(string question, CancellationToken ct)
                    {
                        var system = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Prompts", "system.md"), ct);
                        var fixedFile = await File.ReadAllTextAsync("Prompts/rules.md", ct);
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, system),
                            new ChatMessage(ChatRole.System, fixedFile),
                            new ChatMessage(ChatRole.User, question),
                        ], cancellationToken: ct);
                        return response.Text;
                    }
                }

                [ApiController]
                [Route("api/rag")]
                public sealed class RagController(RagService rag) : ControllerBase
                {
                    [HttpGet("answer")]
                    public async Task<string> Answer([FromQuery] string q, CancellationToken ct) => await rag.AnswerAsync(q, ct);
                }
                """, ReferenceCatalog.All);
    }
}
