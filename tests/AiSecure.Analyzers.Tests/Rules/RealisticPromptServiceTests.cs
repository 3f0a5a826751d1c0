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

        [Fact]
        public Task ChatHistoriesBuiltInLoopsAndHelpersAcrossSdks()
            => Verify.AnalyzeAsync("""
                #pragma warning disable OPENAI001
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.BedrockRuntime;
                using Amazon.BedrockRuntime.Model;
                using Anthropic;
                using Anthropic.Models.Messages;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;
                using OllamaSharp;
                using OpenAI.Chat;
                using OpenAI.Responses;
                using BedrockBlock = Amazon.BedrockRuntime.Model.ContentBlock;
                using BedrockMessage = Amazon.BedrockRuntime.Model.Message;

                namespace Contoso.Assistants;

                public sealed record Turn(string Role, string Content);
                public sealed record ConversationRequest(string Message, string Persona, List<Turn> Turns);

                public static class OpenAiMessages
                {
                    public static List<ChatMessage> Build(string persona, IEnumerable<Turn> turns, string message)
                    {
                        var messages = new List<ChatMessage> { new SystemChatMessage({|AISEC002:$"You are {persona}."|}) };
                        foreach (var turn in turns)
                        {
                            messages.Add(turn.Role switch
                            {
                                "assistant" => new AssistantChatMessage(turn.Content),
                                _ => new UserChatMessage(turn.Content),
                            });
                        }

                        messages.Add(new UserChatMessage(message));
                        return messages;
                    }

                    public static void AddContext(List<ChatMessage> messages, string context)
                        => messages.Add(ChatMessage.CreateSystemMessage({|AISEC002:"Context:\n" + context|}));
                }

                [ApiController]
                [Route("api/assistants")]
                public sealed class AssistantsController(
                    ChatClient openAi,
                    ResponsesClient responses,
                    IChatCompletionService completion,
                    AnthropicClient anthropic,
                    IOllamaApiClient ollama,
                    IAmazonBedrockRuntime bedrock) : ControllerBase
                {
                    [HttpPost("openai")]
                    public async Task<string> OpenAi([FromBody] ConversationRequest request, CancellationToken ct)
                    {
                        var messages = OpenAiMessages.Build(request.Persona, request.Turns, request.Message);
                        OpenAiMessages.AddContext(messages, string.Join("\n", request.Turns.Select(t => t.Content)));
                        ChatCompletion completion = await openAi.CompleteChatAsync(messages, cancellationToken: ct);
                        return completion.Content[0].Text;
                    }

                    [HttpPost("responses")]
                    public async Task<string> Responses([FromBody] ConversationRequest request)
                    {
                        var options = new CreateResponseOptions { Instructions = {|AISEC002:"Persona: " + request.Persona|} };
                        options.InputItems.Add(ResponseItem.CreateUserMessageItem(request.Message));
                        var result = await responses.CreateResponseAsync(options);
                        return result.Value.GetOutputText();
                    }

                    [HttpPost("kernel")]
                    public async Task<string> Kernel([FromBody] ConversationRequest request, CancellationToken ct)
                    {
                        var history = new ChatHistory();
                        history.AddSystemMessage("You are the Contoso assistant.");
                        foreach (var turn in request.Turns)
                        {
                            history.AddMessage(turn.Role == "assistant" ? AuthorRole.Assistant : AuthorRole.User, turn.Content);
                        }

                        history.AddUserMessage({|AISEC001:$"[{request.Persona}] {request.Message}"|});
                        var reply = await completion.GetChatMessageContentAsync(history, cancellationToken: ct);
                        return reply.Content ?? "";
                    }

                    [HttpPost("claude")]
                    public async Task<string> Claude([FromBody] ConversationRequest request)
                    {
                        var messages = new List<MessageParam>();
                        foreach (var turn in request.Turns)
                        {
                            messages.Add(turn.Role == "assistant" ? new AssistantMessageParam { Content = turn.Content } : new UserMessageParam { Content = turn.Content });
                        }

                        messages.Add(new UserMessageParam { Content = request.Message });
                        messages.Add(new UserMessageParam { Content = {|AISEC001:"Reminder: answer as " + request.Persona|} });
                        var parameters = new MessageCreateParams
                        {
                            Model = "claude-sonnet-4-5",
                            MaxTokens = 1024,
                            System = {|AISEC002:$"You are {request.Persona}."|},
                            Messages = messages,
                        };
                        var message = await anthropic.Messages.Create(parameters);
                        return message.ToString();
                    }

                    [HttpPost("ollama")]
                    public async Task<string> Ollama([FromBody] ConversationRequest request)
                    {
                        var chat = new Chat(ollama, {|AISEC002:"Persona: " + request.Persona|});
                        var answer = "";
                        await foreach (var token in chat.SendAsync(request.Message))
                        {
                            answer += token;
                        }

                        return answer;
                    }

                    [HttpPost("bedrock")]
                    public async Task<string> Bedrock([FromBody] ConversationRequest request, CancellationToken ct)
                    {
                        var converse = new ConverseRequest
                        {
                            ModelId = "anthropic.claude-3-haiku",
                            System = [new SystemContentBlock { Text = {|AISEC002:$"Persona: {request.Persona}"|} }],
                            Messages = request.Turns
                                .Select(t => new BedrockMessage { Role = t.Role == "assistant" ? ConversationRole.Assistant : ConversationRole.User, Content = [new BedrockBlock { Text = t.Content }] })
                                .Append(new BedrockMessage { Role = ConversationRole.User, Content = [new BedrockBlock { Text = request.Message }] })
                                .ToList(),
                            GuardrailConfig = new GuardrailConfiguration { GuardrailIdentifier = "gr-1", GuardrailVersion = "1" },
                        };
                        var response = await bedrock.ConverseAsync(converse, ct);
                        return response.Output.Message.Content[0].Text;
                    }
                }
                """, ReferenceCatalog.All, awsStubs: true);

        [Fact]
        public Task SafeServicePatternsStaySilent()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Text.RegularExpressions;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Hosting;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.Options;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;

                namespace Contoso.Safe;

                [AttributeUsage(AttributeTargets.Method)]
                public sealed class PromptSanitizerAttribute : Attribute;

                public enum Tone { Neutral, Formal, Casual }

                public sealed class PromptOptions
                {
                    public string SystemPrompt { get; set; } = "You are helpful.";
                    public Dictionary<string, string> Personas { get; set; } = new();
                }

                public sealed record AskRequest(string Question, string Tone, string Persona, string Product, string MaxWords, string TenantId, List<string> Tags);

                public static partial class Validation
                {
                    [GeneratedRegex("^[a-z0-9-]{1,40}$")]
                    public static partial Regex ProductSlug();

                    [GeneratedRegex(@"\A[A-Za-z ]{1,30}\z", RegexOptions.CultureInvariant)]
                    public static partial Regex PersonaName { get; }

                    [PromptSanitizer]
                    public static string Scrub(string text) => text.Replace("<", "").Replace(">", "");
                }

                // What the regex source generator emits, reduced to the members the code above declares.
                public static partial class Validation
                {
                    public static partial Regex ProductSlug() => new("^[a-z0-9-]{1,40}$");
                    public static partial Regex PersonaName => new(@"\A[A-Za-z ]{1,30}\z", RegexOptions.CultureInvariant);
                }

                [ApiController]
                [Route("api/safe")]
                public sealed partial class SafeController(
                    IChatClient chat,
                    Kernel kernel,
                    IChatCompletionService completion,
                    IOptionsMonitor<PromptOptions> options,
                    IConfiguration configuration,
                    IWebHostEnvironment environment) : ControllerBase
                {
                    private static readonly string RulesPath = Path.Combine(AppContext.BaseDirectory, "Prompts", "rules.md");

                    [HttpPost("whole")]
                    public async Task<string> Whole([FromBody] AskRequest request, CancellationToken ct)
                    {
                        var history = new ChatHistory(options.CurrentValue.SystemPrompt);
                        history.AddSystemMessage(configuration["Prompts:Guardrails"] ?? "Be careful.");
                        history.AddUserMessage(request.Question);
                        var reply = await completion.GetChatMessageContentAsync(history, cancellationToken: ct);
                        var response = await chat.GetResponseAsync(request.Question, new ChatOptions { Instructions = configuration.GetValue<string>("Prompts:Instructions") }, ct);
                        return reply.Content + response.Text;
                    }

                    [HttpPost("template")]
                    public async Task<string> Template([FromBody] AskRequest request, CancellationToken ct)
                    {
                        var arguments = new KernelArguments { ["question"] = request.Question };
                        arguments["tone"] = request.Tone;
                        var result = await kernel.InvokePromptAsync("Answer in a {{$tone}} tone: {{$question}}", arguments, cancellationToken: ct);
                        var function = kernel.CreateFunctionFromPrompt("Summarize: {{$input}}");
                        var summary = await kernel.InvokeAsync(function, new KernelArguments { ["input"] = request.Question }, ct);
                        return result.ToString() + summary;
                    }

                    [HttpPost("chosen")]
                    public async Task<string> Chosen([FromBody] AskRequest request, CancellationToken ct)
                    {
                        var persona = request.Persona switch
                        {
                            "pirate" => "You are a pirate.",
                            "poet" => "You are a poet.",
                            _ => "You are an assistant.",
                        };
                        var tone = Enum.TryParse<Tone>(request.Tone, ignoreCase: true, out var parsed) ? parsed : Tone.Neutral;
                        var maxWords = int.TryParse(request.MaxWords, out var words) ? Math.Clamp(words, 10, 500) : 100;
                        var tenant = Guid.Parse(request.TenantId);
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, persona),
                            new ChatMessage(ChatRole.System, $"Use a {tone} tone and at most {maxWords} words. Tenant {tenant}."),
                            new ChatMessage(ChatRole.System, $"The question has {request.Question.Length} characters and {request.Tags.Count} tags."),
                            new ChatMessage(ChatRole.User, request.Question),
                        ], cancellationToken: ct);
                        return response.Text;
                    }

                    [HttpPost("validated")]
                    public async Task<IActionResult> Validated([FromBody] AskRequest request, CancellationToken ct)
                    {
                        if (!Validation.ProductSlug().IsMatch(request.Product))
                        {
                            return BadRequest("Unknown product.");
                        }

                        if (!Validation.PersonaName.IsMatch(request.Persona))
                        {
                            return ValidationProblem();
                        }

                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, $"You support the product '{request.Product}' as {request.Persona}."),
                            new ChatMessage(ChatRole.User, "Question: " + Validation.Scrub(request.Question)),
                        ], cancellationToken: ct);
                        return Ok(response.Text);
                    }

                    [HttpPost("files")]
                    public async Task<string> Files([FromBody] AskRequest request, CancellationToken ct)
                    {
                        var systemPath = Path.Combine(environment.ContentRootPath, "Prompts", "system.md");
                        var system = await System.IO.File.ReadAllTextAsync(systemPath, ct);
                        var rules = await System.IO.File.ReadAllTextAsync(RulesPath, ct);
                        var footer = System.IO.File.ReadAllText("Prompts/footer.md");
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, system + "\n" + rules + "\n" + footer),
                            new ChatMessage(ChatRole.User, request.Question),
                        ], cancellationToken: ct);
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task CommandHandlersOptionsBuildersAndMessageInitializers()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Globalization;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;
                using Microsoft.SemanticKernel;
                using Microsoft.SemanticKernel.ChatCompletion;
                using TextContent = Microsoft.Extensions.AI.TextContent;

                namespace Contoso.Commands;

                public sealed record SummarizeCommand(string Text, string Audience);
                public sealed record TranslateRequest(string Text, string Language, string? Glossary);

                public sealed class PromptContext
                {
                    public string Question { get; init; } = "";
                    public string Product { get; init; } = "";
                }

                public interface ICommandHandler<in TCommand, TResult>
                {
                    Task<TResult> HandleAsync(TCommand command, CancellationToken cancellationToken);
                }

                public sealed class SummarizeHandler(IChatClient chat) : ICommandHandler<SummarizeCommand, string>
                {
                    private const string Template = "Summarize the text below for {0}.";

                    public async Task<string> HandleAsync(SummarizeCommand command, CancellationToken cancellationToken)
                    {
                        var messages = new List<ChatMessage>
                        {
                            new() { Role = ChatRole.System, Contents = [new TextContent({|AISEC002:string.Format(CultureInfo.InvariantCulture, Template, command.Audience)|})] },
                            new() { Role = ChatRole.User, Contents = [new TextContent(command.Text)] },
                        };
                        var response = await chat.GetResponseAsync(messages, cancellationToken: cancellationToken);
                        return response.Text;
                    }
                }

                public sealed class ContextService(IChatClient chat, IChatCompletionService completion)
                {
                    private static ChatOptions BuildOptions(PromptContext context)
                    {
                        var options = new ChatOptions { Temperature = 0.1f, MaxOutputTokens = 800 };
                        options.Instructions = {|AISEC002:$"You support {context.Product}."|};
                        return options;
                    }

                    public async Task<string> AskAsync(PromptContext context, CancellationToken cancellationToken)
                    {
                        var messages = new List<ChatMessage> { new(ChatRole.User, context.Question) };
                        messages.Insert(0, new ChatMessage(ChatRole.System, {|AISEC002:"Product: " + context.Product|}));
                        var response = await chat.GetResponseAsync(messages, BuildOptions(context), cancellationToken);
                        return response.Text;
                    }

                    public async Task<string> KernelAsync(PromptContext context, CancellationToken cancellationToken)
                    {
                        var history = new ChatHistory();
                        history.Add(new ChatMessageContent(AuthorRole.System, {|AISEC002:$"Product: {context.Product}"|}));
                        history.Add(new ChatMessageContent(AuthorRole.User, context.Question));
                        var reply = await completion.GetChatMessageContentAsync(history, cancellationToken: cancellationToken);
                        return reply.Content ?? "";
                    }
                }

                [ApiController]
                [Route("api/commands")]
                public sealed class CommandsController(ICommandHandler<SummarizeCommand, string> summarize, ContextService contexts) : ControllerBase
                {
                    [HttpPost("summarize")]
                    public async Task<string> Summarize([FromBody] SummarizeCommand command, CancellationToken ct)
                        => await summarize.HandleAsync(command with { Text = command.Text.Trim() }, ct);

                    [HttpPost("ask")]
                    public async Task<string> Ask([FromQuery] string question, [FromQuery] string product, CancellationToken ct)
                    {
                        var context = new PromptContext { Question = question, Product = product };
                        return await contexts.AskAsync(context, ct) + await contexts.KernelAsync(context, ct);
                    }
                }

                public sealed class TranslateHandlers(IChatClient chat)
                {
                    public async Task<IResult> TranslateAsync(TranslateRequest request, CancellationToken ct)
                    {
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, {|AISEC002:$"Translate into {request.Language}. Glossary: {request.Glossary}"|}),
                            new ChatMessage(ChatRole.User, request.Text),
                        ], cancellationToken: ct);
                        return Results.Ok(response.Text);
                    }
                }

                public static class Routes
                {
                    public static void Map(WebApplication app, TranslateHandlers handlers)
                    {
                        var ai = app.MapGroup("/ai");
                        ai.MapPost("/translate", handlers.TranslateAsync);

                        var explain = async ([FromBody] TranslateRequest request, IChatClient chat) =>
                        {
                            var response = await chat.GetResponseAsync({|AISEC001:"Explain this " + request.Language + " text: " + request.Text|});
                            return Results.Ok(response.Text);
                        };
                        ai.MapPost("/explain", explain);
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task SanitizeFixAtTheNewLocations()
            => Verify.FixAsync("""
                using System;
                using System.Collections.Generic;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Fixes;

                [AttributeUsage(AttributeTargets.Method)]
                public sealed class PromptSanitizerAttribute : Attribute;

                public static class PromptText
                {
                    [PromptSanitizer]
                    public static string Clean(string? value) => (value ?? "").Replace("<", "");
                }

                public sealed record Article(string Title, string Text);
                public sealed record ArticlePage(List<Article> Items);

                [ApiController]
                public sealed class FixController(IChatClient chat, HttpClient http) : ControllerBase
                {
                    [HttpPost("role")]
                    public async Task<string> Role([FromBody] Article request)
                    {
                        var messages = new List<ChatMessage>
                        {
                            new() { Role = ChatRole.System, Contents = [new TextContent({|AISEC002:$"Write about {request.Title}."|})] },
                            new(ChatRole.User, request.Text),
                        };
                        var response = await chat.GetResponseAsync(messages);
                        return response.Text;
                    }

                    [HttpGet("top")]
                    public async Task<string> Top()
                    {
                        var page = await http.GetFromJsonAsync<ArticlePage>("https://cms.contoso.com/top");
                        var items = page?.Items;
                        var response = await chat.GetResponseAsync({|AISEC001:$"Summarize: {items?[0].Text}"|});
                        return response.Text;
                    }
                }
                """, """
                using System;
                using System.Collections.Generic;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Fixes;

                [AttributeUsage(AttributeTargets.Method)]
                public sealed class PromptSanitizerAttribute : Attribute;

                public static class PromptText
                {
                    [PromptSanitizer]
                    public static string Clean(string? value) => (value ?? "").Replace("<", "");
                }

                public sealed record Article(string Title, string Text);
                public sealed record ArticlePage(List<Article> Items);

                [ApiController]
                public sealed class FixController(IChatClient chat, HttpClient http) : ControllerBase
                {
                    [HttpPost("role")]
                    public async Task<string> Role([FromBody] Article request)
                    {
                        var messages = new List<ChatMessage>
                        {
                            new() { Role = ChatRole.System, Contents = [new TextContent($"Write about {PromptText.Clean(request.Title)}.")] },
                            new(ChatRole.User, request.Text),
                        };
                        var response = await chat.GetResponseAsync(messages);
                        return response.Text;
                    }

                    [HttpGet("top")]
                    public async Task<string> Top()
                    {
                        var page = await http.GetFromJsonAsync<ArticlePage>("https://cms.contoso.com/top");
                        var items = page?.Items;
                        var response = await chat.GetResponseAsync($"Summarize: {PromptText.Clean(items?[0].Text)}");
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.Llm, equivalenceKey: "AISEC001.Sanitize");

        [Fact]
        public Task RequestContentUploadsQueuesAndAllowListLookups()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Text.Json;
                using System.Text.Json.Nodes;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.SQS;
                using Amazon.SQS.Model;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Hosting;
                using Microsoft.Extensions.Options;

                namespace Contoso.Intake;

                public sealed class PersonaOptions
                {
                    public Dictionary<string, string> Prompts { get; set; } = new();
                }

                public sealed record ReviewRequest(string Persona, string Text);

                [ApiController]
                [Route("api/intake")]
                public sealed class IntakeController(IChatClient chat, IOptions<PersonaOptions> personas) : ControllerBase
                {
                    private static readonly Dictionary<string, string> Styles = new(StringComparer.OrdinalIgnoreCase)
                    {
                        ["short"] = "Answer in one paragraph.",
                        ["long"] = "Answer in detail.",
                    };

                    [HttpPost("upload")]
                    public async Task<IActionResult> Upload(IFormFile file, CancellationToken ct)
                    {
                        using var reader = new StreamReader(file.OpenReadStream());
                        var content = await reader.ReadToEndAsync(ct);
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, {|AISEC002:$"The user uploaded '{file.FileName}':\n{content}"|}),
                            new ChatMessage(ChatRole.User, "Summarize the upload."),
                        ], cancellationToken: ct);
                        return Ok(response.Text);
                    }

                    [HttpGet("header")]
                    public async Task<string> Header(CancellationToken ct)
                    {
                        var locale = Request.Headers["Accept-Language"].ToString();
                        var topic = HttpContext.Request.Query["topic"].FirstOrDefault() ?? "general";
                        var response = await chat.GetResponseAsync(topic, new ChatOptions { Instructions = {|AISEC002:"Reply in the locale " + locale|} }, ct);
                        return response.Text;
                    }

                    [HttpPost("review")]
                    public async Task<IActionResult> Review([FromBody] ReviewRequest request, [FromQuery] string style, CancellationToken ct)
                    {
                        if (!personas.Value.Prompts.TryGetValue(request.Persona, out var persona))
                        {
                            return BadRequest();
                        }

                        var styleText = Styles.GetValueOrDefault(style, "Answer briefly.");
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, persona),
                            new ChatMessage(ChatRole.System, styleText),
                            new ChatMessage(ChatRole.System, Styles.ContainsKey(style) ? Styles[style] : "Answer briefly."),
                            new ChatMessage(ChatRole.User, request.Text),
                        ], cancellationToken: ct);
                        return Ok(response.Text);
                    }
                }

                public sealed class InboxWorker(IAmazonSQS sqs, IChatClient chat) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        var batch = await sqs.ReceiveMessageAsync("https://sqs.eu-west-1.amazonaws.com/1/inbox", stoppingToken);
                        foreach (var message in batch.Messages)
                        {
                            using var document = JsonDocument.Parse(message.Body);
                            var sender = document.RootElement.GetProperty("sender").GetString();
                            var node = JsonNode.Parse(message.Body);
                            var subject = node?["subject"]?.GetValue<string>() ?? "";
                            var response = await chat.GetResponseAsync(
                            [
                                new ChatMessage(ChatRole.System, {|AISEC002:$"Mail from {sender}, subject {subject}."|}),
                                new ChatMessage(ChatRole.User, message.Body),
                            ], cancellationToken: stoppingToken);
                            Console.WriteLine(response.Text);
                        }
                    }
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task ValidationInTheControllerAndSinksInTheService()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Text.RegularExpressions;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Validated;

                public enum Audience { Developers, Managers }

                public sealed record DraftRequest(string Product, string Tone, string Audience, string Notes, List<string> Tags);

                public sealed class DraftService(IChatClient chat)
                {
                    private static readonly HashSet<string> Tones = new(StringComparer.OrdinalIgnoreCase) { "formal", "casual" };

                    public async Task<string> DraftAsync(string product, string tone, string audience, string notes, CancellationToken ct)
                    {
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, $"Write release notes for {product} in a {tone} tone for {audience}."),
                            new ChatMessage(ChatRole.User, {|AISEC001:"Notes:\n" + notes|}),
                        ], cancellationToken: ct);
                        return response.Text;
                    }

                    public async Task<string> TagAsync(IEnumerable<string> tags, CancellationToken ct)
                    {
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, {|AISEC002:"Tags: " + string.Join(", ", tags.Select(t => t.ToUpperInvariant()))|}),
                            new ChatMessage(ChatRole.User, "Suggest a title."),
                        ], cancellationToken: ct);
                        return response.Text;
                    }

                    public async Task<string> ToneAsync(string tone, string text, CancellationToken ct)
                    {
                        if (!Tones.Contains(tone))
                        {
                            throw new ArgumentOutOfRangeException(nameof(tone));
                        }

                        var response = await chat.GetResponseAsync(text, new ChatOptions { Instructions = $"Use a {tone} tone." }, ct);
                        return response.Text;
                    }

                    public async Task<string> UnusedAsync(string text) => (await chat.GetResponseAsync("Summarize: " + text)).Text;
                }

                [ApiController]
                [Route("api/drafts")]
                public sealed partial class DraftsController(DraftService drafts) : ControllerBase
                {
                    [GeneratedRegex("^[A-Za-z0-9 .-]{1,40}$")]
                    private static partial Regex ProductName();

                    [HttpPost]
                    public async Task<IActionResult> Create([FromBody] DraftRequest request, CancellationToken ct)
                    {
                        if (!ProductName().IsMatch(request.Product) || request.Tone is not ("formal" or "casual"))
                        {
                            return BadRequest();
                        }

                        if (!Enum.TryParse<Audience>(request.Audience, out var audience))
                        {
                            return BadRequest();
                        }

                        var draft = await drafts.DraftAsync(request.Product, request.Tone, audience.ToString(), request.Notes, ct);
                        var title = await drafts.TagAsync(request.Tags, ct);
                        var toned = await drafts.ToneAsync(request.Tone, request.Notes, ct);
                        return Ok(new { draft, title, toned });
                    }
                }

                public sealed partial class DraftsController
                {
                    private static partial Regex ProductName() => new("^[A-Za-z0-9 .-]{1,40}$");
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task PromptFactoriesAndBuilderHelpers()
            => Verify.AnalyzeAsync("""
                using System.Collections.Generic;
                using System.Globalization;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Factories;

                public sealed record Turn(string Role, string Text);
                public sealed record ChatRequest(string Question, string Persona, List<Turn> History, int MaxItems);

                public sealed class SystemPromptFactory(string persona, int maxItems)
                {
                    private readonly string _persona = persona;
                    private readonly int _maxItems = maxItems;

                    public string Build() => $"You are {_persona}. List at most {_maxItems} items.";
                }

                public sealed class LimitsPromptFactory
                {
                    private readonly int _maxItems;
                    private readonly string _product;

                    public LimitsPromptFactory(int maxItems)
                    {
                        _maxItems = maxItems;
                        _product = "Contoso Desk";
                    }

                    public string Build() => $"You support {_product}. List at most {_maxItems} items.";
                }

                internal static class TranscriptWriter
                {
                    public static void AppendHistory(StringBuilder builder, IEnumerable<Turn> turns)
                    {
                        foreach (var turn in turns)
                        {
                            builder.AppendLine(CultureInfo.InvariantCulture, $"{turn.Role}: {turn.Text}");
                        }
                    }

                    public static void AppendLimits(StringBuilder builder, int maxItems) => builder.Append($"Keep it to {maxItems} items.");
                }

                [ApiController]
                [Route("api/factories")]
                public sealed class FactoriesController(IChatClient chat) : ControllerBase
                {
                    [HttpPost]
                    public async Task<string> Post([FromBody] ChatRequest request, CancellationToken ct)
                    {
                        var factory = new SystemPromptFactory(request.Persona, request.MaxItems);
                        var limits = new LimitsPromptFactory(request.MaxItems);

                        var transcript = new StringBuilder();
                        transcript.Append($"Question: {request.Question}\n");
                        TranscriptWriter.AppendHistory(transcript, request.History);

                        var rules = new StringBuilder("Rules:\n");
                        TranscriptWriter.AppendLimits(rules, request.MaxItems);

                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, {|AISEC002:factory.Build()|}),
                            new ChatMessage(ChatRole.System, limits.Build()),
                            new ChatMessage(ChatRole.System, rules.ToString()),
                            new ChatMessage(ChatRole.User, {|AISEC001:transcript.ToString()|}),
                        ], cancellationToken: ct);
                        return response.Text;
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task ContextObjectsReadMemberByMember()
            => Verify.AnalyzeAsync("""
                using System.Threading;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Contexts;

                public sealed class PromptContext
                {
                    public string Question { get; init; } = "";
                    public string Product { get; init; } = "";
                }

                public sealed record TicketContext(string Subject, string Team);

                public static class Prompts
                {
                    public static string System(PromptContext context) => $"You support {context.Product}.";
                }

                public sealed class ContextService(IChatClient chat)
                {
                    public async Task<string> AskAsync(PromptContext context, CancellationToken ct)
                    {
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, {|AISEC002:"Product: " + context.Product|}),
                            new ChatMessage(ChatRole.System, {|AISEC002:Prompts.System(context)|}),
                            new ChatMessage(ChatRole.User, {|AISEC001:"Question: " + context.Question|}),
                        ], cancellationToken: ct);
                        return response.Text;
                    }

                    public async Task<string> TriageAsync(TicketContext ticket, CancellationToken ct)
                    {
                        var response = await chat.GetResponseAsync(
                        [
                            new ChatMessage(ChatRole.System, $"Route tickets for the {ticket.Team} team."),
                            new ChatMessage(ChatRole.User, ticket.Subject),
                        ], cancellationToken: ct);
                        return response.Text;
                    }
                }

                [ApiController]
                [Route("api/contexts")]
                public sealed class ContextsController(ContextService service, IChatClient chat) : ControllerBase
                {
                    [HttpPost("fixed")]
                    public async Task<string> Fixed([FromQuery] string question, CancellationToken ct)
                    {
                        var context = new PromptContext { Question = question, Product = "Contoso Desk" };
                        var local = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, "Product: " + context.Product), new ChatMessage(ChatRole.User, context.Question)], cancellationToken: ct);
                        return local.Text + await service.AskAsync(context, ct) + await service.TriageAsync(new TicketContext(question, "billing"), ct);
                    }

                    [HttpPost("chosen")]
                    public async Task<string> Chosen([FromQuery] string question, [FromQuery] string product, CancellationToken ct)
                        => await service.AskAsync(new PromptContext { Question = question, Product = product }, ct);
                }
                """, ReferenceCatalog.Llm);
    }
}
