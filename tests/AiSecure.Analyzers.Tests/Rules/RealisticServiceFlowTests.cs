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

        [Fact]
        public Task CollectionExpressionsBuildersAndTemplates()
            => Verify.AnalyzeAsync(""""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Text;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.Configuration;
                using Microsoft.Extensions.Options;
                using OpenAI.Chat;

                namespace Contoso.Chat;

                public sealed record Turn(string Role, string Text);

                public sealed class ConversationRequest
                {
                    public required string Question { get; init; }
                    public List<Turn> History { get; init; } = [];
                    public bool Verbose { get; init; }
                }

                public sealed class ChatSettings
                {
                    public string Persona { get; set; } = "a friendly assistant";
                }

                public static class Templates
                {
                    public const string Answer = """
                        You answer questions about Contoso products.
                        Question: {question}
                        """;
                }

                [ApiController]
                [Route("api/chat")]
                public sealed class ChatController(ChatClient chat, IConfiguration configuration, IOptions<ChatSettings> settings) : ControllerBase
                {
                    [HttpPost]
                    public async Task<string> Post([FromBody] ConversationRequest request)
                    {
                        List<ChatMessage> messages =
                        [
                            new SystemChatMessage($"You are {settings.Value.Persona}. Today is {DateTime.Now:D}."),
                            new SystemChatMessage(configuration["Chat:Rules"] ?? "Be brief."),
                            new UserChatMessage({|AISEC001:$"Question: {request.Question}"|}),
                        ];
                        foreach (var turn in request.History)
                        {
                            messages.Add(turn.Role == "assistant" ? new AssistantChatMessage(turn.Text) : new UserChatMessage(turn.Text));
                        }

                        ChatCompletion completion = await chat.CompleteChatAsync(messages);
                        return completion.Content[0].Text;
                    }

                    [HttpPost("transcript")]
                    public async Task<string> Transcript([FromBody] ConversationRequest request)
                    {
                        var transcript = string.Join("\n", request.History.Select(h => $"{h.Role}: {h.Text}"));
                        var instructions = $"""
                            Summarize the conversation below in {request.History.Count} bullet points.
                            {transcript}
                            """;
                        ChatCompletion completion = await chat.CompleteChatAsync(
                            new SystemChatMessage({|AISEC002:instructions|}),
                            new UserChatMessage({|AISEC001:transcript|}),
                            new UserChatMessage($"There were {request.History.Count} turns."));
                        return completion.Content[0].Text;
                    }

                    [HttpPost("template")]
                    public async Task<string> Template([FromBody] ConversationRequest request)
                    {
                        var prompt = Templates.Answer.Replace("{question}", request.Question);
                        var fixedPrompt = Templates.Answer.Replace("{question}", request.Verbose ? "Explain in detail." : "Be brief.");
                        ChatCompletion first = await chat.CompleteChatAsync({|AISEC001:prompt|});
                        ChatCompletion second = await chat.CompleteChatAsync(fixedPrompt);
                        ChatCompletion third = await chat.CompleteChatAsync(new UserChatMessage({|AISEC001:string.Concat("Question: ", request.Question)|}));
                        return first.Content[0].Text + second.Content[0].Text + third.Content[0].Text;
                    }

                    [HttpPost("builder")]
                    public async Task<string> Builder([FromBody] ConversationRequest request)
                    {
                        var context = new StringBuilder();
                        context.AppendLine("You are a support bot.");
                        foreach (var turn in request.History)
                        {
                            context.AppendLine($"{turn.Role}: {turn.Text}");
                        }

                        context.AppendFormat("Question: {0}", request.Question);

                        var header = new StringBuilder();
                        header.AppendLine("You are a support bot.");
                        header.AppendFormat("There are {0} earlier turns; it is {1:t}.", request.History.Count, DateTime.UtcNow);

                        ChatCompletion completion = await chat.CompleteChatAsync(
                            new SystemChatMessage(header.ToString()),
                            new UserChatMessage({|AISEC001:context.ToString()|}));
                        return completion.Content[0].Text;
                    }
                }
                """", ReferenceCatalog.Llm);

        [Fact]
        public Task ValidatorsAndSanitizersWhereTheyDominate()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Text.RegularExpressions;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                namespace Contoso.Guarded;

                [AttributeUsage(AttributeTargets.Method)]
                public sealed class PromptValidatorAttribute : Attribute;

                [AttributeUsage(AttributeTargets.Method)]
                public sealed class PromptSanitizerAttribute : Attribute;

                public static class PromptGuards
                {
                    [PromptValidator]
                    public static bool IsSafe(string text) => text.Length < 2000 && !text.Contains("ignore previous", StringComparison.OrdinalIgnoreCase);

                    [PromptSanitizer]
                    public static string Scrub(this string text) => text.Replace("<", "&lt;").Replace(">", "&gt;");
                }

                public sealed record AskRequest(string Question, bool Strict);

                [ApiController]
                [Route("api/guarded")]
                public sealed class GuardedController(IChatClient chat) : ControllerBase
                {
                    [HttpPost("else")]
                    public async Task<IActionResult> Else([FromBody] AskRequest request)
                    {
                        if (!PromptGuards.IsSafe(request.Question))
                        {
                            return BadRequest();
                        }
                        else
                        {
                            var inside = await chat.GetResponseAsync("Answer: " + request.Question);
                            return Ok(inside.Text);
                        }
                    }

                    [HttpPost("then")]
                    public async Task<IActionResult> Then([FromBody] AskRequest request)
                    {
                        if (PromptGuards.IsSafe(request.Question))
                        {
                            var inside = await chat.GetResponseAsync("Answer: " + request.Question);
                            return Ok(inside.Text);
                        }
                        else
                        {
                            return BadRequest();
                        }
                    }

                    [HttpPost("after")]
                    public async Task<IActionResult> After([FromBody] AskRequest request)
                    {
                        if (PromptGuards.IsSafe(request.Question))
                        {
                            Console.WriteLine("validated");
                        }
                        else
                        {
                            throw new ArgumentException("Unsafe question.", nameof(request));
                        }

                        var response = await chat.GetResponseAsync($"Answer: {request.Question}");
                        return Ok(response.Text);
                    }

                    [HttpPost("unguarded")]
                    public async Task<IActionResult> Unguarded([FromBody] AskRequest request)
                    {
                        if (PromptGuards.IsSafe(request.Question))
                        {
                            Console.WriteLine("validated");
                        }

                        var response = await chat.GetResponseAsync({|AISEC001:$"Answer: {request.Question}"|});
                        return Ok(response.Text);
                    }

                    [HttpPost("throw-if")]
                    public async Task<IActionResult> ThrowIf([FromBody] AskRequest request)
                    {
                        ArgumentException.ThrowIfNullOrWhiteSpace(request.Question);
                        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Question.Length, 2000);
                        var response = await chat.GetResponseAsync({|AISEC001:$"Answer: {request.Question}"|});
                        return Ok(response.Text);
                    }

                    [HttpPost("regex")]
                    public async Task<IActionResult> Pattern([FromBody] AskRequest request)
                    {
                        if (!Regex.IsMatch(request.Question, "^[a-zA-Z0-9 ?.,]{1,200}$"))
                        {
                            return BadRequest();
                        }

                        var response = await chat.GetResponseAsync($"Answer: {request.Question}");
                        return Ok(response.Text);
                    }

                    [HttpPost("scrubbed")]
                    public async Task<IActionResult> Scrubbed([FromBody] AskRequest request)
                    {
                        var response = await chat.GetResponseAsync($"Answer: {request.Question.Scrub()}");
                        return Ok(response.Text);
                    }

                    [HttpPost("one-branch")]
                    public async Task<IActionResult> OneBranch([FromBody] AskRequest request)
                    {
                        var question = request.Question;
                        if (request.Strict)
                        {
                            question = question.Scrub();
                        }

                        var text = request.Strict ? request.Question.Scrub() : request.Question;
                        var first = await chat.GetResponseAsync({|AISEC001:$"Answer: {question}"|});
                        var second = await chat.GetResponseAsync({|AISEC001:"Answer: " + text|});
                        return Ok(first.Text + second.Text);
                    }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task EntryPointsWorkersAndHelpersAcrossTheService()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.Globalization;
                using System.IO;
                using System.Linq;
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Text;
                using System.Threading;
                using System.Threading.Tasks;
                using Amazon.S3;
                using Amazon.S3.Model;
                using Amazon.SQS;
                using Amazon.SQS.Model;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.AspNetCore.Mvc.RazorPages;
                using Microsoft.AspNetCore.SignalR;
                using Microsoft.Extensions.AI;
                using Microsoft.Extensions.Hosting;

                namespace Contoso.Hard;

                public sealed record Turn(string Role, string Text);
                public sealed record Article(string Title, string Body, int Words);
                public sealed class UploadForm
                {
                    public IFormFile? Attachment { get; set; }
                    public string Instructions { get; set; } = "";
                }

                public interface IAssistant
                {
                    Task<string> AskAsync(string question, CancellationToken ct = default);
                }

                public sealed class Assistant(IChatClient chat) : IAssistant
                {
                    public async Task<string> AskAsync(string question, CancellationToken ct = default)
                    {
                        var response = await chat.GetResponseAsync({|AISEC001:$"Answer briefly: {question}"|}, cancellationToken: ct);
                        return response.Text;
                    }
                }

                public static class ChatClientExtensions
                {
                    public static Task<ChatResponse> AskBrieflyAsync(this IChatClient chat, string question)
                        => chat.GetResponseAsync({|AISEC001:"Answer briefly: " + question|});
                }

                [ApiController]
                [Route("api/hard")]
                public sealed class HardController(IAssistant assistant, IChatClient chat, HttpClient http) : ControllerBase
                {
                    [HttpPost("iface")]
                    public Task<string> Iface([FromBody] Turn turn) => assistant.AskAsync(turn.Text);

                    [HttpPost("ext")]
                    public async Task<string> Ext([FromBody] Turn turn) => (await chat.AskBrieflyAsync(turn.Text)).Text;

                    [HttpPost("role")]
                    public async Task<string> Role([FromBody] List<Turn> turns)
                    {
                        var messages = turns.Select(t => new ChatMessage(new ChatRole(t.Role), {|AISEC002:t.Text|})).ToList();
                        var mapped = turns.Select(t => new ChatMessage(t.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, t.Text)).ToList();
                        var r = await chat.GetResponseAsync(messages.Concat(mapped));
                        return r.Text;
                    }

                    [HttpPost("format")]
                    public async Task<string> Format([FromBody] Turn turn)
                    {
                        var r = await chat.GetResponseAsync({|AISEC001:string.Format(CultureInfo.InvariantCulture, "{0}: {1}", turn.Role, turn.Text)|});
                        return r.Text;
                    }

                    [HttpPost("upload")]
                    public async Task<string> Upload([FromForm] UploadForm form, CancellationToken ct)
                    {
                        using var reader = new StreamReader(form.Attachment!.OpenReadStream());
                        var content = await reader.ReadToEndAsync(ct);
                        var r = await chat.GetResponseAsync({|AISEC001:$"Summarize {form.Attachment.FileName}:\n{content}"|}, cancellationToken: ct);
                        var s = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|AISEC002:form.Instructions|})], cancellationToken: ct);
                        return r.Text + s.Text;
                    }

                    [HttpGet("article/{id:int}")]
                    public async Task<string> ArticleSummary(int id, Guid tenant)
                    {
                        var article = await http.GetFromJsonAsync<Article>($"https://cms.contoso.com/articles/{id}?tenant={tenant}");
                        var r = await chat.GetResponseAsync({|AISEC001:$"Summarize '{article!.Title}':\n{article.Body}"|});
                        var n = await chat.GetResponseAsync($"The article has {article.Words} words; it is {id} for {tenant}.");
                        return r.Text + n.Text;
                    }

                    [HttpGet("headers")]
                    public async Task<string> Headers()
                    {
                        var lang = Request.Headers.AcceptLanguage.ToString();
                        var r = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, {|AISEC002:$"Answer in {lang}"|})]);
                        return r.Text;
                    }
                }

                public sealed class ChatHub(IChatClient chat) : Hub
                {
                    public async Task Send(string user, string message)
                    {
                        var r = await chat.GetResponseAsync({|AISEC001:$"{user} says: {message}"|});
                        await Clients.All.SendAsync("reply", r.Text);
                    }
                }

                public sealed class AskModel(IChatClient chat) : PageModel
                {
                    [BindProperty] public string Question { get; set; } = "";
                    public string Answer { get; private set; } = "";

                    public async Task OnPostAsync()
                    {
                        Answer = (await chat.GetResponseAsync({|AISEC001:"Q: " + Question|})).Text;
                    }
                }

                public sealed class InboxWorker(IAmazonSQS sqs, IAmazonS3 s3, IChatClient chat) : BackgroundService
                {
                    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
                    {
                        while (!stoppingToken.IsCancellationRequested)
                        {
                            var batch = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = "https://sqs.eu-west-1.amazonaws.com/1/inbox", MaxNumberOfMessages = 10 }, stoppingToken);
                            foreach (var message in batch.Messages)
                            {
                                var r = await chat.GetResponseAsync({|AISEC001:$"Classify: {message.Body}"|}, cancellationToken: stoppingToken);
                                using var obj = await s3.GetObjectAsync("inbox-bucket", message.MessageId, stoppingToken);
                                using var reader = new StreamReader(obj.ResponseStream);
                                var text = await reader.ReadToEndAsync(stoppingToken);
                                var s = await chat.GetResponseAsync({|AISEC001:"Summarize: " + text|}, cancellationToken: stoppingToken);
                                var t = await chat.GetResponseAsync($"Message {message.MessageId.Length} received at {DateTime.UtcNow:O}", cancellationToken: stoppingToken);
                            }
                        }
                    }
                }

                public static class Program
                {
                    public static async Task Main(string[] args)
                    {
                        IChatClient chat = null!;
                        var r = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, $"Project: {args[0]}"), new ChatMessage(ChatRole.User, "" + Environment.GetEnvironmentVariable("TOPIC"))]);
                        Console.WriteLine(Describe("weather"));
                    }

                    private static string Describe(string topic) => topic;

                    private static async Task<string> Unused(IChatClient chat, string topic) => (await chat.GetResponseAsync($"{topic}")).Text;
                }
                """, ReferenceCatalog.All);

        [Fact]
        public Task TuplesOfPromptsAreFollowedElementByElement()
            => Verify.AnalyzeAsync("""
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;

                public sealed record Turn(string Role, string Text);

                [ApiController]
                public sealed class HardController(IChatClient chat) : ControllerBase
                {
                    [HttpPost("tuple")]
                    public async Task<string> Tuple([FromBody] Turn turn)
                    {
                        var (system, user) = Build(turn);
                        var (fixedSystem, fixedUser) = BuildFixed(turn);
                        var (a, b) = ("You are helpful.", "Q: " + turn.Text);
                        var (c, d) = await BuildAsync(turn.Text);
                        var r = await chat.GetResponseAsync([
                            new ChatMessage(ChatRole.System, {|AISEC002:system|}), new ChatMessage(ChatRole.User, {|AISEC001:user|}),
                            new ChatMessage(ChatRole.System, fixedSystem), new ChatMessage(ChatRole.User, {|AISEC001:fixedUser|}),
                            new ChatMessage(ChatRole.System, a), new ChatMessage(ChatRole.User, {|AISEC001:b|}),
                            new ChatMessage(ChatRole.System, c), new ChatMessage(ChatRole.User, {|AISEC001:d|})]);
                        return r.Text;
                    }

                    private static (string System, string User) Build(Turn turn) => ($"Speak as {turn.Role}", $"Q: {turn.Text}");
                    private static (string System, string User) BuildFixed(Turn turn) => ("You are helpful.", $"Q: {turn.Text}");
                    private static async Task<(string System, string User)> BuildAsync(string q) { await Task.Yield(); return ("You are helpful.", $"Q: {q}"); }
                }
                """, ReferenceCatalog.Llm);

        [Fact]
        public Task MiddlewareMinimalApisAndHelperShapes()
            => Verify.AnalyzeAsync("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Threading.Tasks;
                using Microsoft.AspNetCore.Builder;
                using Microsoft.AspNetCore.Http;
                using Microsoft.AspNetCore.Mvc;
                using Microsoft.Extensions.AI;
                using Microsoft.SemanticKernel;
                using OllamaSharp;
                using OllamaSharp.Models;
                using OpenAI.Chat;

                namespace Contoso.More;

                public sealed record Turn(string Role, string Text);
                public sealed record AskRequest(string Question, List<Turn> History);

                public sealed record PromptContext(string Question)
                {
                    public string Render() => $"Q: {Question}";
                    public string Fixed() => "Answer the question.";
                }

                public sealed class PromptMiddleware(RequestDelegate next, IChatClient chat)
                {
                    public async Task InvokeAsync(HttpContext context)
                    {
                        if (context.Request.Query.TryGetValue("explain", out var topic))
                        {
                            var r = await chat.GetResponseAsync({|AISEC001:$"Explain {topic}"|});
                            context.Items["explanation"] = r.Text;
                        }

                        await next(context);
                    }
                }

                public static class Endpoints
                {
                    public static void Map(WebApplication app)
                    {
                        app.MapPost("/upload", async (IFormFile file, IChatClient chat) =>
                        {
                            using var reader = new StreamReader(file.OpenReadStream());
                            var text = await reader.ReadToEndAsync();
                            var r = await chat.GetResponseAsync({|AISEC001:"Summarize:\n" + text|});
                            return r.Text;
                        });

                        app.MapPost("/ask", async ([FromBody] AskRequest request, ChatClient chat) =>
                        {
                            var messages = request.History.Select(h => (OpenAI.Chat.ChatMessage)new UserChatMessage({|AISEC001:$"{h.Role}: {h.Text}"|})).ToList();
                            var prompts = Prompts.Split(request.Question);
                            messages.Add(new SystemChatMessage(prompts.System));
                            messages.Add(new UserChatMessage({|AISEC001:prompts.User|}));
                            var ctx = new PromptContext(request.Question);
                            messages.Add(new UserChatMessage({|AISEC001:ctx.Render()|}));
                            messages.Add(new UserChatMessage(ctx.Fixed()));
                            ChatCompletion c = await chat.CompleteChatAsync(messages);
                            return c.Content[0].Text;
                        });

                        app.MapPost("/ollama", async (AskRequest request, IOllamaApiClient ollama) =>
                        {
                            await foreach (var chunk in ollama.GenerateAsync(new GenerateRequest { Model = "llama3", Prompt = {|AISEC001:$"Answer: {request.Question}"|} }))
                            {
                                Console.Write(chunk?.Response);
                            }
                        });

                        app.MapPost("/sk", async (AskRequest request, Kernel kernel) =>
                        {
                            var fn = kernel.CreateFunctionFromPrompt(new PromptTemplateConfig { Template = {|AISEC001:"Answer: " + request.Question|} });
                            var ok = await kernel.InvokePromptAsync("Answer: {{$question}}", new KernelArguments { ["question"] = request.Question });
                            return (await kernel.InvokeAsync(fn)).ToString() + ok;
                        });
                    }
                }

                public static class Prompts
                {
                    public static (string System, string User) Split(string question) => ("You are helpful.", $"Q: {question}");
                }

                [ApiController]
                public sealed class SummaryController(IChatClient chat) : ControllerBase
                {
                    [HttpPost("s")]
                    public async Task<string> S(string text) => await Summarize("Summarize: " + text) + await Summarize("Summarize the release notes.");

                    private async Task<string> Summarize(string prompt) => (await chat.GetResponseAsync({|AISEC001:prompt|})).Text;

                    [HttpPost("c")]
                    public async Task<string> C(string text) => await Constant("Summarize the day " + DateTime.Now);

                    private async Task<string> Constant(string prompt) => (await chat.GetResponseAsync(prompt)).Text;
                }
                """, ReferenceCatalog.All);
    }
}
